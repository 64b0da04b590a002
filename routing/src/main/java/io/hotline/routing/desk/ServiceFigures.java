package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Service-quality figures computed from work orders' histories, for metrics and reports. Pure functions;
 * thread-safe.
 * <ul>
 *   <li>First-contact resolution: among resolved work orders, those resolved on the first contact (one human
 *       contact counted at their first resolution), never reopened within the window after it, and with no other
 *       work order of the same customer and product line opened after them and within the window after that
 *       resolution (a repeat call). A work order of an unknown customer cannot be linked to repeats; only its
 *       own history counts.</li>
 *   <li>Solved without a visit: among resolved work orders, those that never reached {@link Tier#ON_SITE}.</li>
 * </ul>
 */
public final class ServiceFigures {
    /** The business's window for a repeat call or a reopen: 7 days. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);

    /**
     * A share: {@code count} of {@code of}.
     *
     * @param count how many qualify
     * @param of    how many were considered
     */
    public record Share(long count, long of) {
        /** The share as a fraction, 0 when nothing was considered. */
        public double ratio() {
            return of == 0 ? 0 : (double) count / of;
        }
    }

    /**
     * The decisions on one resolved work order, the ones the shares count: a report buckets them (per week, per
     * product line) and its buckets add up to the shares over the same histories.
     *
     * @param history      the work order
     * @param resolvedAt   its first resolution, where it counts
     * @param firstContact whether it counts as resolved on first contact ({@link #firstContactResolution})
     * @param withoutVisit whether it never went on site ({@link #solvedWithoutVisit})
     */
    public record Outcome(WorkOrderHistory history, Instant resolvedAt, boolean firstContact, boolean withoutVisit) {
    }

    private ServiceFigures() {
    }

    /**
     * The decision on each resolved work order of {@code histories}, in their order, with repeat calls and reopens
     * within {@code window}: the same decisions as {@link #firstContactResolution} and {@link #solvedWithoutVisit}
     * count, so counting these gives the same shares.
     */
    public static List<Outcome> outcomes(Collection<WorkOrderHistory> histories, Duration window) {
        Objects.requireNonNull(window, "window");
        Map<String, List<WorkOrderHistory>> byCustomerAndLine = byCustomerAndLine(histories);
        List<Outcome> outcomes = new ArrayList<>();
        for (WorkOrderHistory history : histories) {
            AuditEvent resolution = firstResolution(history);
            if (resolution != null) {
                outcomes.add(new Outcome(history, resolution.at(),
                        firstContact(history, resolution, byCustomerAndLine, window), !wentOnSite(history)));
            }
        }
        return outcomes;
    }

    /** First-contact resolution over {@code histories}, with repeat calls and reopens within {@code window}. */
    public static Share firstContactResolution(Collection<WorkOrderHistory> histories, Duration window) {
        Objects.requireNonNull(window, "window");
        Map<String, List<WorkOrderHistory>> byCustomerAndLine = byCustomerAndLine(histories);
        long resolved = 0;
        long first = 0;
        for (WorkOrderHistory history : histories) {
            AuditEvent resolution = firstResolution(history);
            if (resolution == null) {
                continue;
            }
            resolved++;
            if (firstContact(history, resolution, byCustomerAndLine, window)) {
                first++;
            }
        }
        return new Share(first, resolved);
    }

    /** The share of resolved work orders that never went on site. */
    public static Share solvedWithoutVisit(Collection<WorkOrderHistory> histories) {
        long resolved = 0;
        long remote = 0;
        for (WorkOrderHistory history : histories) {
            if (firstResolution(history) == null) {
                continue;
            }
            resolved++;
            if (!wentOnSite(history)) {
                remote++;
            }
        }
        return new Share(remote, resolved);
    }

    private static Map<String, List<WorkOrderHistory>> byCustomerAndLine(Collection<WorkOrderHistory> histories) {
        Map<String, List<WorkOrderHistory>> byCustomerAndLine = new HashMap<>();
        for (WorkOrderHistory history : histories) {
            if (history.customerId() != null) {
                byCustomerAndLine.computeIfAbsent(key(history), k -> new ArrayList<>()).add(history);
            }
        }
        return byCustomerAndLine;
    }

    /** The one rule of first-contact resolution for a work order first resolved by {@code resolution}. */
    private static boolean firstContact(WorkOrderHistory history, AuditEvent resolution,
                                        Map<String, List<WorkOrderHistory>> byCustomerAndLine, Duration window) {
        Instant until = resolution.at().plus(window);
        return resolution.contacts() == 1 && !reopenedBy(history, until)
                && !repeated(history, byCustomerAndLine, until);
    }

    private static boolean wentOnSite(WorkOrderHistory history) {
        return history.trail().stream().anyMatch(event -> event.toTier() == Tier.ON_SITE);
    }

    private static AuditEvent firstResolution(WorkOrderHistory history) {
        for (AuditEvent event : history.trail()) {
            if (event.action() == AuditAction.RESOLVED) {
                return event;
            }
        }
        return null;
    }

    private static boolean reopenedBy(WorkOrderHistory history, Instant until) {
        return history.trail().stream()
                .anyMatch(event -> event.action() == AuditAction.REOPENED && !event.at().isAfter(until));
    }

    private static boolean repeated(WorkOrderHistory history, Map<String, List<WorkOrderHistory>> byCustomerAndLine,
                                    Instant until) {
        if (history.customerId() == null) {
            return false;
        }
        for (WorkOrderHistory other : byCustomerAndLine.getOrDefault(key(history), List.of())) {
            boolean later = other.openedAt().isAfter(history.openedAt()) || other.openedAt()
                    .equals(history.openedAt()) && other.workOrderId() > history.workOrderId();
            if (later && !other.openedAt().isAfter(until)) {
                return true;
            }
        }
        return false;
    }

    private static String key(WorkOrderHistory history) {
        return history.customerId() + "\u0000" + history.productLine();
    }
}
