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
    private final boolean critical;
    private volatile HealthCheck delegate;

    DeferredHealthCheck(String component, String startingDetail) {
        this(component, startingDetail, true);
    }

    private DeferredHealthCheck(String component, String startingDetail, boolean critical) {
        this.component = Objects.requireNonNull(component, "component");
        this.startingDetail = Objects.requireNonNull(startingDetail, "startingDetail");
        this.critical = critical;
    }

    /** A component that is not configured: always {@code DISABLED}, with why. */
    static HealthCheck disabled(String component, String detail) {
        return new HealthCheck() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public ComponentHealth check() {
                return ComponentHealth.disabled(detail);
            }
        };
    }

    /**
     * A component whose outage degrades Hotline but leaves it ready ({@link HealthCheck#critical()}): AMI (calls
     * are still routed from the dialplan's AGI requests), the database (the journal keeps its writes), the journal.
     */
    static DeferredHealthCheck degrading(String component, String startingDetail) {
        return new DeferredHealthCheck(component, startingDetail, false);
    }

    void delegateTo(HealthCheck check) {
        this.delegate = Objects.requireNonNull(check, "check");
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public boolean critical() {
        return critical;
    }

    @Override
    public ComponentHealth check() {
        HealthCheck current = delegate;
        return current == null ? ComponentHealth.starting(startingDetail) : current.check();
    }
}
