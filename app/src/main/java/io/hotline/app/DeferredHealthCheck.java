package io.hotline.app;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.util.Objects;

/**
 * A component's health before the component exists: {@code STARTING} until {@link #delegateTo} hands over to
 * the real check. Lets {@code /health} answer 503 "starting" while the embedded database unpacks.
 * Thread-safe: the lifecycle thread sets the delegate, the health monitor reads it.
 */
final class DeferredHealthCheck implements HealthCheck {
    private final String component;
    private final String startingDetail;
    private volatile HealthCheck delegate;

    DeferredHealthCheck(String component, String startingDetail) {
        this.component = Objects.requireNonNull(component, "component");
        this.startingDetail = Objects.requireNonNull(startingDetail, "startingDetail");
    }

    void delegateTo(HealthCheck check) {
        this.delegate = Objects.requireNonNull(check, "check");
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public ComponentHealth check() {
        HealthCheck current = delegate;
        return current == null ? ComponentHealth.starting(startingDetail) : current.check();
    }
}
