package io.hotline.persistence.report;

import java.time.Instant;

/** The rows the report's queries stream, one record per kind; each decides its own figure in plain Java. */
final class ReportRows {

    private ReportRows() {
    }

    /** A work order opened in the period: closed before the period's end? */
    record Opened(String productLine, boolean cancelled, Instant createdAt, Instant closedAt) {
        boolean closedBefore(Instant end) {
            return closedAt != null && closedAt.isBefore(end);
        }
    }

    /** A work order resolved in the period. */
    record Resolved(String productLine, String severity, boolean cancelled, Instant createdAt, Instant respondedAt,
                    Instant responseDueAt, Instant resolvedAt, Instant resolutionDueAt, boolean dispatched) {
        long handlingMillis() {
            return Math.max(0, resolvedAt.toEpochMilli() - createdAt.toEpochMilli());
        }

        boolean resolvedInTime() {
            return !resolvedAt.isAfter(resolutionDueAt);
        }

        boolean respondedInTime() {
            return !respondedAt.isAfter(responseDueAt);
        }
    }

    /** A dispatch leg sent in the period: acknowledged by its send deadline? */
    record LegSent(String productLine, Instant sentAt, Instant ackDueAt, Instant acknowledgedAt) {
        boolean acknowledgedInTime() {
            return acknowledgedAt != null && !acknowledgedAt.isAfter(ackDueAt);
        }
    }

    /** A dispatch order acknowledged (by one of its legs) in the period: assigned by its assignment deadline? */
    record Acknowledged(long workOrderId, String productLine, Instant acknowledgedAt, Instant assignDueAt,
                        Instant assignedAt) {
        boolean assignedInTime(java.time.Duration deadline) {
            Instant due = assignDueAt != null ? assignDueAt : acknowledgedAt.plus(deadline);
            return assignedAt != null && !assignedAt.isAfter(due);
        }
    }

    /** A survey or follow-up call answered in the period, with its score. */
    record Answered(String productLine, Instant at, int score) {
    }

    /** A work order that may make a recurring problem. */
    record Opening(long workOrderId, long customerId, String customerCode, String customerName, String productLine,
                   String category, boolean cancelled, Instant createdAt) {
    }
}
