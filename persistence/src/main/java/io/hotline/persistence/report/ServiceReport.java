package io.hotline.persistence.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The service-quality report of the period {@code [from, to)} in the hotline's zone (docs/figures.md): every figure
 * in total, per ISO week and per product line, and the proactive-care list. Immutable.
 *
 * @param from          the first day, inclusive, in {@code zone}
 * @param to            the day after the last, exclusive, in {@code zone}
 * @param zone          the routing file's {@code hours.zone}: days and weeks start at its midnight
 * @param repeatWindow  first-contact resolution's window: its figures settle at {@link #settledAt()}
 * @param totals        the whole period
 * @param weeks         one slice per ISO week (Monday to Sunday) touching the period, in order, each clipped to
 *                      the period, empty weeks included
 * @param productLines  one slice per product line seen (work orders without one under {@link #NO_PRODUCT_LINE}),
 *                      by code
 * @param recurring     the customers whose same problem came back: three or more work orders on the same product
 *                      line and category within 30 days ending in the period
 * @param licences      customers' products whose licence expires within 60 days after the period's end
 */
public record ServiceReport(LocalDate from, LocalDate to, ZoneId zone, Duration repeatWindow, ReportFigures totals,
                            List<Slice> weeks, List<Slice> productLines, List<RecurringProblem> recurring,
                            List<ExpiringLicence> licences) {

    /** The product-line key of work orders that have none. */
    public static final String NO_PRODUCT_LINE = "-";
    /** How far back a recurring problem looks from each of its work orders. */
    public static final Duration RECURRING_WINDOW = Duration.ofDays(30);
    /** How many work orders within {@link #RECURRING_WINDOW} make a recurring problem. */
    public static final int RECURRING_ORDERS = 3;
    /** How many days after the period's end an expiring licence is listed. */
    public static final int LICENCE_DAYS = 60;

    public ServiceReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        Objects.requireNonNull(totals, "totals");
        weeks = List.copyOf(weeks);
        productLines = List.copyOf(productLines);
        recurring = List.copyOf(recurring);
        licences = List.copyOf(licences);
    }

    /** When first-contact resolution of the period no longer changes: a repeat call may still come until then. */
    public Instant settledAt() {
        return to.atStartOfDay(zone).toInstant().plus(repeatWindow);
    }

    /**
     * One slice of the report.
     *
     * @param key     the ISO week ({@code 2026-W45}) or the product line's code
     * @param from    the slice's first day (a week's Monday, or the period's first day when later); the period's
     *                first day for a product line
     * @param figures its figures
     */
    public record Slice(String key, LocalDate from, ReportFigures figures) {
        public Slice {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(figures, "figures");
        }
    }

    /**
     * A customer whose same problem came back: the densest 30 days of its work orders on one product line and
     * category (not cancelled), ending in the period.
     *
     * @param customerCode the customer's code
     * @param customerName its name
     * @param productLine  the product line
     * @param category     the category as first written
     * @param workOrders   the work orders of those 30 days, oldest first (at least {@link #RECURRING_ORDERS})
     * @param firstOpened  when the first of them was opened
     * @param lastOpened   when the last of them was opened (in the period)
     */
    public record RecurringProblem(String customerCode, String customerName, String productLine, String category,
                                   List<Long> workOrders, Instant firstOpened, Instant lastOpened) {
        public RecurringProblem {
            workOrders = List.copyOf(workOrders);
        }
    }

    /**
     * A customer's product whose licence expires soon.
     *
     * @param customerCode the customer's code
     * @param customerName its name
     * @param productLine  the product line's code
     * @param version      the installed version
     * @param expiresOn    the licence's last day
     * @param daysLeft     days from the period's end to {@code expiresOn}
     */
    public record ExpiringLicence(String customerCode, String customerName, String productLine, String version,
                                  LocalDate expiresOn, long daysLeft) {
    }
}
