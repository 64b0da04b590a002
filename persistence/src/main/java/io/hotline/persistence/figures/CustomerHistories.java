package io.hotline.persistence.figures;

import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.routing.desk.WorkOrderHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Folds the query's rows, ordered by customer, work order and audit sequence, into work orders' histories, one
 * customer at a time, and adds up what {@link ServiceFigures} computes over each customer's histories. A repeat
 * call links only work orders of the same customer (and product line), so the sums over customers are the figures
 * over the whole period; a work order of an unknown customer is linked to nothing and counted alone. Memory holds
 * one customer's histories, never the period's.
 * <p>
 * A history whose first resolution lies in {@code [from, to)} keeps its whole trail: {@link ServiceFigures} counts
 * it. Every other work order read (resolved outside the period, not resolved, or with no audit trail of the desk)
 * enters with its opening only and an empty trail: {@link ServiceFigures} then counts it nowhere, and sees it only
 * as a possible repeat call of the customer's other work orders.
 * <p>
 * With a bucket function, each work order {@link ServiceFigures#outcomes} decides on (first resolved in the period)
 * also adds its decisions to the bucket the function names: the same decisions as the totals, so the buckets add up
 * to them. Not thread-safe: one per query.
 */
final class CustomerHistories<K> {
    /**
     * One row of the query: a work order and one of its desk audit events, or none when it has none.
     *
     * @param workOrderId the work order
     * @param customerId  its customer, or {@code null}
     * @param productLine its product line, or {@code null}
     * @param openedAt    when it was opened
     * @param event       one event of its desk audit trail, or {@code null}
     */
    record Row(long workOrderId, Long customerId, String productLine, Instant openedAt, AuditEvent event) {
    }

    private final Instant from;
    private final Instant to;
    private final Duration window;
    private final List<WorkOrderHistory> customer = new ArrayList<>();
    private final List<AuditEvent> trail = new ArrayList<>();
    private Row current;
    private long resolved;
    private long firstContact;
    private long withoutVisit;
    private final Function<ResolvedWorkOrder, K> bucket;
    private final Map<K, BucketedFigures.Bucket> buckets;

    /** Adds up the period's figures only. */
    static CustomerHistories<Void> totals(Instant from, Instant to, Duration window) {
        return new CustomerHistories<>(from, to, window, null);
    }

    /**
     * @param bucket the bucket of each work order first resolved in the period, or {@code null} for totals only
     */
    CustomerHistories(Instant from, Instant to, Duration window, Function<ResolvedWorkOrder, K> bucket) {
        this.from = from;
        this.to = to;
        this.window = window;
        this.bucket = bucket;
        this.buckets = new HashMap<>();
    }

    void add(Row row) {
        if (current != null && row.workOrderId() != current.workOrderId()) {
            endWorkOrder();
            if (row.customerId() == null || !row.customerId().equals(current.customerId())) {
                endCustomer();
            }
        }
        if (current == null || row.workOrderId() != current.workOrderId()) {
            current = row;
        }
        if (row.event() != null) {
            trail.add(row.event());
        }
    }

    /** The figures over every row added. */
    PeriodFigures figures() {
        if (current != null) {
            endWorkOrder();
            endCustomer();
        }
        return new PeriodFigures(from, to, window, new ServiceFigures.Share(firstContact, resolved),
                new ServiceFigures.Share(withoutVisit, resolved));
    }

    /** The figures over every row added, and per bucket. */
    BucketedFigures<K> bucketed() {
        return new BucketedFigures<>(figures(), buckets);
    }

    private void endWorkOrder() {
        List<AuditEvent> kept = firstResolvedInPeriod() ? List.copyOf(trail) : List.of();
        customer.add(new WorkOrderHistory(current.workOrderId(), current.customerId(), current.productLine(),
                current.openedAt(), kept));
        trail.clear();
    }

    private void endCustomer() {
        for (ServiceFigures.Outcome outcome : ServiceFigures.outcomes(customer, window)) {
            resolved++;
            firstContact += outcome.firstContact() ? 1 : 0;
            withoutVisit += outcome.withoutVisit() ? 1 : 0;
            if (bucket != null) {
                WorkOrderHistory history = outcome.history();
                K key = bucket.apply(new ResolvedWorkOrder(history.workOrderId(), history.productLine(),
                        history.openedAt(), outcome.resolvedAt()));
                buckets.merge(key, BucketedFigures.Bucket.NONE.plus(outcome), BucketedFigures.Bucket::plus);
            }
        }
        customer.clear();
    }

    /**
     * Whether the work order's first resolution lies in the period: the period is by resolution time, as
     * {@link ServiceFigures} counts a work order at its first resolution.
     */
    private boolean firstResolvedInPeriod() {
        for (AuditEvent event : trail) {
            if (event.action() == AuditAction.RESOLVED) {
                return !event.at().isBefore(from) && event.at().isBefore(to);
            }
        }
        return false;
    }
}
