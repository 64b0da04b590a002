package io.hotline.app;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A work order's trail as the database keeps it, in its two voices: routing's own rows about the call (the
 * decision, the connection, the end, the hand-off: no sequence) and the service desk's audit events (numbered from
 * 1, in the desk's order). Stateless.
 */
final class Trails {
    private Trails() {
    }

    /** What routing recorded on the work order of call {@code linkedId} of {@code asteriskServer}, in order. */
    static List<String> routing(Jdbi jdbi, String asteriskServer, String linkedId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT e.action FROM work_order_event e"
                        + " JOIN work_order w ON w.id = e.work_order_id WHERE w.asterisk_server = :server"
                        + " AND w.call_linkedid = :call AND e.sequence IS NULL ORDER BY e.id")
                .bind("server", asteriskServer).bind("call", linkedId).mapTo(String.class).list());
    }

    /** The desk's audit of the work order of call {@code linkedId} of {@code asteriskServer}, in order. */
    static List<String> desk(Jdbi jdbi, String asteriskServer, String linkedId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT e.action FROM work_order_event e"
                        + " JOIN work_order w ON w.id = e.work_order_id WHERE w.asterisk_server = :server"
                        + " AND w.call_linkedid = :call AND e.sequence IS NOT NULL ORDER BY e.sequence")
                .bind("server", asteriskServer).bind("call", linkedId).mapTo(String.class).list());
    }

    /** What routing recorded on work order {@code id}, in order. */
    static List<String> routing(Jdbi jdbi, long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT action FROM work_order_event"
                + " WHERE work_order_id = :id AND sequence IS NULL ORDER BY id").bind("id", id)
                .mapTo(String.class).list());
    }

    /** The desk's audit of work order {@code id}, in order. */
    static List<String> desk(Jdbi jdbi, long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT action FROM work_order_event"
                + " WHERE work_order_id = :id AND sequence IS NOT NULL ORDER BY sequence").bind("id", id)
                .mapTo(String.class).list());
    }
}
