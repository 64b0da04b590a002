package io.hotline.persistence.report;

import java.util.Map;
import java.util.Objects;

/**
 * The figures of docs/figures.md's definitions table over one slice of the report (the whole period, an ISO week
 * or a product line). Every share keeps its numerator and denominator. Immutable.
 *
 * @param closure           of the work orders opened in the slice (not cancelled), those closed before the
 *                          period's end
 * @param resolved          the work orders resolved in the slice (not cancelled)
 * @param handlingMillis    the sum of {@code resolved_at - created_at} over {@code resolved}, in milliseconds
 * @param slaResolution     per severity ({@code P1}, {@code P2}, {@code P3}): of those resolved with a resolution
 *                          due time, those resolved by it
 * @param slaResponse       per severity: of those resolved that were responded to and had a response due time,
 *                          those responded to by it
 * @param legAcknowledged   of the dispatch legs sent in the slice, those acknowledged by their send deadline
 * @param assignedInTime    of the dispatch orders acknowledged in the slice, those assigned by their assignment
 *                          deadline
 * @param onSite            of those resolved, those with a dispatch order
 * @param firstContact      first-contact resolution ({@code ServiceFiguresQuery}, by first resolution), or
 *                          {@code null} where it was not computed (the renderers then leave it out)
 * @param withoutVisit      solved without a visit ({@code ServiceFiguresQuery}), or {@code null} likewise
 * @param satisfaction      the surveys and follow-up calls answered in the slice, with their scores
 */
public record ReportFigures(Share closure, long resolved, long handlingMillis, Map<String, Share> slaResolution,
                           Map<String, Share> slaResponse, Share legAcknowledged, Share assignedInTime, Share onSite,
                           Share firstContact, Share withoutVisit, Satisfaction satisfaction) {

    /** The severities the report breaks SLA attainment down by, in order. */
    public static final java.util.List<String> SEVERITIES = java.util.List.of("P1", "P2", "P3");

    public ReportFigures {
        Objects.requireNonNull(closure, "closure");
        slaResolution = Map.copyOf(slaResolution);
        slaResponse = Map.copyOf(slaResponse);
        Objects.requireNonNull(legAcknowledged, "legAcknowledged");
        Objects.requireNonNull(assignedInTime, "assignedInTime");
        Objects.requireNonNull(onSite, "onSite");
        Objects.requireNonNull(satisfaction, "satisfaction");
    }

    /** The mean handling time in milliseconds, or -1 when nothing was resolved. */
    public long averageHandlingMillis() {
        return resolved == 0 ? -1 : Math.round((double) handlingMillis / resolved);
    }

    /** SLA resolution attainment of one severity; {@link Share#NONE} when none was resolved. */
    public Share slaResolution(String severity) {
        return slaResolution.getOrDefault(severity, Share.NONE);
    }

    /** SLA response attainment of one severity; {@link Share#NONE} when none was responded to. */
    public Share slaResponse(String severity) {
        return slaResponse.getOrDefault(severity, Share.NONE);
    }

    /**
     * The answered surveys of a slice: IVR surveys after a call and the follow-up calls after on-site work.
     *
     * @param answered   how many were answered with a score
     * @param scoreSum   the sum of their scores (1-5)
     * @param promoters  those scoring 5
     * @param detractors those scoring 1 to 3 (the rest, scoring 4, are passives)
     */
    public record Satisfaction(long answered, long scoreSum, long promoters, long detractors) {

        /** No answer. */
        public static final Satisfaction NONE = new Satisfaction(0, 0, 0, 0);

        /** The mean score 1-5, or 0 when nothing was answered. */
        public double mean() {
            return answered == 0 ? 0 : (double) scoreSum / answered;
        }

        /** The NPS, 100 × (promoters − detractors) / answered, from −100 to 100; 0 when nothing was answered. */
        public double nps() {
            return answered == 0 ? 0 : 100.0 * (promoters - detractors) / answered;
        }

        /** Those scoring 4. */
        public long passives() {
            return answered - promoters - detractors;
        }

        Satisfaction plus(int score) {
            return new Satisfaction(answered + 1, scoreSum + score, promoters + (score == 5 ? 1 : 0),
                    detractors + (score <= 3 ? 1 : 0));
        }
    }
}
