package io.hotline.app;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code routing} component: UP while the routing thread runs and its inbox has refused no event since the
 * previous check; DOWN otherwise. A refusal means producers (AMI, FastAGI) lost events and must resync, so one
 * round of DOWN is reported for it even if the inbox has drained since. Thread-safe; never blocks.
 */
final class RoutingHealthCheck implements HealthCheck {
    private final RoutingService routing;
    private final AtomicLong refusedAtLastCheck = new AtomicLong();

    RoutingHealthCheck(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public String component() {
        return "routing";
    }

    @Override
    public ComponentHealth check() {
        if (!routing.isRunning()) {
            return ComponentHealth.down("the " + RoutingService.THREAD_NAME + " thread is not running");
        }
        long refused = routing.inboxRefused();
        long newlyRefused = refused - refusedAtLastCheck.getAndSet(refused);
        if (newlyRefused > 0) {
            return ComponentHealth.down("the routing inbox was full and refused " + newlyRefused
                    + " events since the last check");
        }
        return ComponentHealth.up("routing thread running", Map.of(
                "eventsApplied", routing.snapshot().sequence(),
                "inboxDepth", routing.inboxDepth(),
                "failures", routing.failures()));
    }
}
