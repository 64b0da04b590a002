package io.hotline.routing.sla;

import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SLA targets for every severity, and the due times they give a work order opened at a given instant.
 * Defaults are the published ones: P1 30 min / 2 h, P2 4 h / 24 h, P3 8 h / 48 h.
 *
 * @param targets a target for every {@link Severity}
 */
public record ServiceLevels(Map<Severity, SlaTarget> targets) {

    /** The published defaults. */
    public static final ServiceLevels DEFAULT = new ServiceLevels(Map.of(
            Severity.P1, new SlaTarget(Duration.ofMinutes(30), Duration.ofHours(2)),
            Severity.P2, new SlaTarget(Duration.ofHours(4), Duration.ofHours(24)),
            Severity.P3, new SlaTarget(Duration.ofHours(8), Duration.ofHours(48))));

    public ServiceLevels {
        Objects.requireNonNull(targets, "targets");
        for (Severity severity : Severity.values()) {
            if (!targets.containsKey(severity)) {
                throw new IllegalArgumentException("no SLA target for severity " + severity);
            }
        }
        targets = Map.copyOf(new EnumMap<>(targets));
    }

    /** The target of one severity. */
    public SlaTarget target(Severity severity) {
        return targets.get(severity);
    }

    /** The response and resolution deadlines of a work order of {@code severity} opened at {@code openedAt}. */
    public SlaDeadlines deadlines(Severity severity, Instant openedAt) {
        SlaTarget target = target(severity);
        return new SlaDeadlines(openedAt.plus(target.respond()), openedAt.plus(target.resolve()));
    }
}
