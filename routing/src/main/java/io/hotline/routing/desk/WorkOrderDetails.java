package io.hotline.routing.desk;

/**
 * What people wrote on a work order beyond its summary: what the desktop's work-order form shows and the store
 * keeps. Every field is {@code null} until someone writes it. Immutable.
 *
 * @param category   the seat's category of the problem (free words, like {@code posting}), or {@code null}
 * @param notes      the seat's working notes, or {@code null}
 * @param resolution the resolution text given when it was last resolved, or {@code null}
 * @param site       where an on-site engineer goes (given on the escalation to {@code ON_SITE}), or {@code null}
 */
public record WorkOrderDetails(String category, String notes, String resolution, String site) {

    /** Nothing written yet. */
    public static final WorkOrderDetails NONE = new WorkOrderDetails(null, null, null, null);
}
