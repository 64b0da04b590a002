package io.hotline.routing.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every component's health at one moment. Hotline is ready when every critical component is
 * {@link ComponentHealth.Status#isReady() ready}; a non-critical component that is not (AMI, the database while
 * the journal keeps its writes) makes it {@link Status#DEGRADED degraded}, still ready. Immutable; components keep
 * their registration order.
 *
 * @param checkedAt   when the checks ran
 * @param components  component name to its health, in registration order
 * @param nonCritical the components whose outage degrades the service but leaves Hotline ready
 */
public record HealthReport(Instant checkedAt, Map<String, ComponentHealth> components, Set<String> nonCritical) {

    /** Hotline's state as a whole. */
    public enum Status {
        /** Every component is ready. */
        UP,
        /** Every critical component is ready, some other component is not: calls are routed, with less. */
        DEGRADED,
        /** A critical component is not ready (or still starting): Hotline routes no calls. */
        DOWN;

        /** Whether Hotline in this state takes calls and requests (readiness). */
        public boolean isReady() {
            return this != DOWN;
        }
    }

    public HealthReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        nonCritical = Set.copyOf(nonCritical);
    }

    /** A report in which every component is critical. */
    public HealthReport(Instant checkedAt, Map<String, ComponentHealth> components) {
        this(checkedAt, components, Set.of());
    }

    /** Whether every critical component is ready: Hotline takes calls, perhaps {@link Status#DEGRADED}. */
    public boolean isReady() {
        return components.entrySet().stream()
                .allMatch(entry -> !isCritical(entry.getKey()) || entry.getValue().status().isReady());
    }

    /** {@code UP}, {@code DEGRADED} or {@code DOWN}; see {@link Status}. */
    public Status status() {
        if (!isReady()) {
            return Status.DOWN;
        }
        return impaired().isEmpty() ? Status.UP : Status.DEGRADED;
    }

    /** The components that are not ready, critical or not, in registration order. */
    public List<String> impaired() {
        return components.entrySet().stream().filter(entry -> !entry.getValue().status().isReady())
                .map(Map.Entry::getKey).toList();
    }

    /** Whether Hotline is not ready while {@code component} is not. */
    public boolean isCritical(String component) {
        return !nonCritical.contains(component);
    }
}
