package io.hotline.persistence.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds up one slice's figures as the rows stream by. Not thread-safe: confined to the query's thread.
 */
final class FigureTally {
    private Share closure = Share.NONE;
    private long resolved;
    private long handlingMillis;
    private final Map<String, Share> slaResolution = new HashMap<>();
    private final Map<String, Share> slaResponse = new HashMap<>();
    private Share legAcknowledged = Share.NONE;
    private Share assignedInTime = Share.NONE;
    private Share onSite = Share.NONE;
    private ReportFigures.Satisfaction satisfaction = ReportFigures.Satisfaction.NONE;

    void opened(boolean closedInTime) {
        closure = closure.plus(closedInTime);
    }

    void resolved(ReportRows.Resolved row) {
        resolved++;
        handlingMillis += row.handlingMillis();
        if (row.resolutionDueAt() != null) {
            slaResolution.merge(row.severity(), Share.NONE.plus(row.resolvedInTime()), FigureTally::sum);
        }
        if (row.respondedAt() != null && row.responseDueAt() != null) {
            slaResponse.merge(row.severity(), Share.NONE.plus(row.respondedInTime()), FigureTally::sum);
        }
        onSite = onSite.plus(row.dispatched());
    }

    void legSent(boolean acknowledgedInTime) {
        legAcknowledged = legAcknowledged.plus(acknowledgedInTime);
    }

    void acknowledged(boolean assignedInTime) {
        this.assignedInTime = this.assignedInTime.plus(assignedInTime);
    }

    void answered(int score) {
        satisfaction = satisfaction.plus(score);
    }

    ReportFigures figures(Share firstContact, Share withoutVisit) {
        return new ReportFigures(closure, resolved, handlingMillis, slaResolution, slaResponse, legAcknowledged,
                assignedInTime, onSite, firstContact, withoutVisit, satisfaction);
    }

    private static Share sum(Share left, Share right) {
        return new Share(left.count() + right.count(), left.of() + right.of());
    }
}
