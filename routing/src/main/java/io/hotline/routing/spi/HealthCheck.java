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
