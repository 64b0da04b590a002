package io.hotline.routing.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every component's health at one moment. Hotline is ready when every component is
 * {@link ComponentHealth.Status#isReady() ready}. Immutable; components keep their registration order.
 *
 * @param checkedAt  when the checks ran
 * @param components component name to its health, in registration order
 */
public record HealthReport(Instant checkedAt, Map<String, ComponentHealth> components) {

    public HealthReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** Whether every component is ready. */
    public boolean isReady() {
        return components.values().stream().allMatch(health -> health.status().isReady());
    }
}
