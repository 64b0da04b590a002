package io.hotline.routing.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One component's health, as {@code /health} shows it.
 *
 * @param status  its state
 * @param detail  one human-readable line (why it is down, which server it is connected to)
 * @param details a few bounded facts (pool size, server version); never secrets
 */
public record ComponentHealth(Status status, String detail, Map<String, Object> details) {

    /** A component's state. */
    public enum Status {
        /** Working. */
        UP,
        /** Still starting; not ready yet. */
        STARTING,
        /** Configured but not working. */
        DOWN,
        /** Not configured or not built; does not count against readiness. */
        DISABLED;

        /** Whether a component in this state lets Hotline report ready. */
        public boolean isReady() {
            return this == UP || this == DISABLED;
        }
    }

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ComponentHealth up(String detail, Map<String, Object> details) {
        return new ComponentHealth(Status.UP, detail, details);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(Status.DOWN, detail, Map.of());
    }

    public static ComponentHealth disabled(String detail) {
        return new ComponentHealth(Status.DISABLED, detail, Map.of());
    }

    public static ComponentHealth starting(String detail) {
        return new ComponentHealth(Status.STARTING, detail, Map.of());
    }
}
