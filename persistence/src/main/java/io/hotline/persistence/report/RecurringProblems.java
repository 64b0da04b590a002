package io.hotline.persistence.report;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the recurring problems in work orders streamed in customer order (then by opening): per customer, product
 * line and category (compared stripped and in lower case), a sliding window of {@link ServiceReport#RECURRING_WINDOW}
 * ending at each work order opened in the period; where it holds {@link ServiceReport#RECURRING_ORDERS} or more, the
 * fullest such window is the customer's recurring problem on that line and category. Cancelled work orders count
 * nowhere. Memory holds one customer's windows. Not thread-safe: one per query.
 */
final class RecurringProblems {
    private final Instant from;
    private final Map<String, Deque<ReportRows.Opening>> windows = new LinkedHashMap<>();
    private final Map<String, List<ReportRows.Opening>> fullest = new LinkedHashMap<>();
    private final List<ServiceReport.RecurringProblem> found = new ArrayList<>();
    private long customer = -1;

    RecurringProblems(Instant from) {
        this.from = from;
    }

    void add(ReportRows.Opening row) {
        if (row.customerId() != customer) {
            endCustomer();
            customer = row.customerId();
        }
        if (row.cancelled()) {
            return;
        }
        String key = row.productLine() + '\u0000' + row.category().strip().toLowerCase(Locale.ROOT);
        Deque<ReportRows.Opening> window = windows.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        Instant since = row.createdAt().minus(ServiceReport.RECURRING_WINDOW);
        while (!window.isEmpty() && !window.peekFirst().createdAt().isAfter(since)) {
            window.removeFirst();
        }
        window.addLast(row);
        if (!row.createdAt().isBefore(from) && window.size() >= ServiceReport.RECURRING_ORDERS) {
            List<ReportRows.Opening> best = fullest.get(key);
            if (best == null || window.size() > best.size()) {
                fullest.put(key, List.copyOf(window));
            }
        }
    }

    /** The recurring problems of every row added, by customer, then product line and category as first met. */
    List<ServiceReport.RecurringProblem> problems() {
        endCustomer();
        return List.copyOf(found);
    }

    private void endCustomer() {
        for (List<ReportRows.Opening> orders : fullest.values()) {
            ReportRows.Opening first = orders.get(0);
            ReportRows.Opening last = orders.get(orders.size() - 1);
            found.add(new ServiceReport.RecurringProblem(first.customerCode(), first.customerName(),
                    first.productLine(), first.category().strip(),
                    orders.stream().map(ReportRows.Opening::workOrderId).toList(), first.createdAt(),
                    last.createdAt()));
        }
        windows.clear();
        fullest.clear();
    }
}
