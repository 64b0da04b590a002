package io.hotline.app.loop;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of one engine's component (e.g. {@code routing}): UP while its loop's thread runs and its inbox has
 * refused no event since the previous check; DOWN otherwise. A refusal means producers (AMI, FastAGI, the other
 * engine) lost events and must resync, so one round of DOWN is reported for it even if the inbox has drained
 * since. Thread-safe; never blocks.
 */
public final class EngineLoopHealthCheck implements HealthCheck {
    private final String component;
    private final EngineLoop<?, ?, ?> loop;
    private final AtomicLong refusedAtLastCheck = new AtomicLong();

    /**
     * A check that remembers the inbox's refusals between its checks.
     *
     * @param component the component's name in health reports, e.g. {@code routing}
     * @param loop      the loop that runs the component's engine
     */
    public EngineLoopHealthCheck(String component, EngineLoop<?, ?, ?> loop) {
        this.component = Objects.requireNonNull(component, "component");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public ComponentHealth check() {
        if (!loop.isRunning()) {
            return ComponentHealth.down("the " + loop.threadName() + " thread is not running");
        }
        long refused = loop.inboxRefused();
        long newlyRefused = refused - refusedAtLastCheck.getAndSet(refused);
        if (newlyRefused > 0) {
            return ComponentHealth.down("the " + component + " inbox was full and refused " + newlyRefused
                    + " events since the last check");
        }
        return ComponentHealth.up(component + " thread running", Map.of(
                "eventsApplied", loop.eventsApplied(),
                "inboxDepth", loop.inboxDepth(),
                "failures", loop.failures()));
    }
}
