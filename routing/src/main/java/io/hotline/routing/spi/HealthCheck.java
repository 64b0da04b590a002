package io.hotline.routing.spi;

import java.util.function.Supplier;

/**
 * One component's readiness probe (database, AMI, FastAGI). {@link #check()} may block briefly (a database
 * ping): the health monitor runs it on its own thread and caches the answer, so HTTP readers never wait.
 */
public interface HealthCheck {

    /** The component's name as shown by {@code /health}: lower case, e.g. {@code database}. */
    String component();

    /** The component's state now. Must not throw: report {@link ComponentHealth.Status#DOWN} instead. */
    ComponentHealth check();

    /**
     * Whether Hotline is not ready while this component is not (routing, FastAGI: without them no call is
     * routed). A component whose outage only degrades the service (AMI, the database, whose writes the journal
     * keeps meanwhile) answers {@code false}: Hotline then reports itself {@code DEGRADED} and stays ready. Must
     * not change over the check's life.
     */
    default boolean critical() {
        return true;
    }

    /** A health check named {@code component} that answers with {@code check}. */
    static HealthCheck of(String component, Supplier<ComponentHealth> check) {
        return new HealthCheck() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public ComponentHealth check() {
                return check.get();
            }
        };
    }
}
