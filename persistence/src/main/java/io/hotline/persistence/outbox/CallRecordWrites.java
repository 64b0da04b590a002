package io.hotline.persistence.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What journal entries change on their calls' {@code call_record} rows, inside the caller's transaction: the batch's
 * rows are read and locked with one query, the entries played on them in memory, then the new rows go as one
 * insert batch and the changed ones as one update batch. Each row remembers the number of the last entry applied
 * to it ({@code journal_seq}): an entry applied a second time changes nothing, so offers and talk time are never
 * counted twice. An entry for a call without a row (it joined before the row was kept) changes nothing.
 * One per batch; confined to the journal's database thread.
 */
final class CallRecordWrites {
    private static final String INSERT = "INSERT INTO call_record (asterisk_server, uniqueid, linkedid,"
            + " caller_number, dialled_number, customer_id, queue, joined_at, waiting_since, offered_at, offers,"
            + " answered_at, ended_at, seat_id, outcome, wait_ms, talk_ms, journal_seq) VALUES (:server, :uniqueId,"
            + " :linkedId, :callerNumber, :dialledNumber, :customerId, :queue, :joinedAt, :waitingSince, :offeredAt,"
            + " :offers, :answeredAt, :endedAt, (SELECT id FROM seat WHERE code = :seat), :outcome, :waitMs, :talkMs,"
            + " :seq)"
            // A second JOINED for a channel already recorded (an entry replayed) keeps the row as it is.
            + " ON DUPLICATE KEY UPDATE id = id";
    private static final String UPDATE = "UPDATE call_record SET queue = :queue, waiting_since = :waitingSince,"
            + " offered_at = :offeredAt,"
            + " offers = :offers, answered_at = :answeredAt, ended_at = :endedAt,"
            + " seat_id = COALESCE((SELECT id FROM seat WHERE code = :seat), seat_id), outcome = :outcome,"
            + " wait_ms = :waitMs, talk_ms = :talkMs, journal_seq = :seq WHERE id = :id";

    /** The entries that change a call's row once it exists. */
    private static final Set<JournalEntry.Kind> KINDS = EnumSet.of(JournalEntry.Kind.OFFERED,
            JournalEntry.Kind.CONNECTED, JournalEntry.Kind.ENDED, JournalEntry.Kind.ABANDONED,
            JournalEntry.Kind.HANDED_OFF, JournalEntry.Kind.ESCALATED);

    private final String asteriskServer;
    private final Handle handle;
    private final Map<String, CallRecord> byCall = new HashMap<>();

    private CallRecordWrites(String asteriskServer, Handle handle) {
        this.asteriskServer = asteriskServer;
        this.handle = handle;
    }

    /** Reads and locks the rows of the calls of {@code entries} (FOR UPDATE) until the transaction ends. */
    static CallRecordWrites lock(Handle handle, String asteriskServer, List<JournalEntry> entries) {
        CallRecordWrites writes = new CallRecordWrites(asteriskServer, handle);
        Set<String> callIds = new LinkedHashSet<>();
        entries.stream().filter(entry -> entry.kind().concernsWorkOrder())
                .forEach(entry -> callIds.add(entry.callId()));
        if (callIds.isEmpty()) {
            return writes;
        }
        // The first row of a call is the caller's channel that entered routing; later rows are other channels.
        handle.createQuery("SELECT id, linkedid, queue, joined_at, waiting_since, offered_at, offers, answered_at,"
                        + " ended_at,"
                        + " outcome, wait_ms, talk_ms, journal_seq FROM call_record WHERE asterisk_server = :server"
                        + " AND linkedid IN (<calls>) ORDER BY id FOR UPDATE")
                .bind("server", asteriskServer).bindList("calls", new ArrayList<>(callIds))
                .map((row, context) -> {
                    CallRecord call = new CallRecord(row.getString("linkedid"));
                    call.id = row.getLong("id");
                    call.queue = row.getString("queue");
                    call.joinedAt = instant(row, "joined_at", context);
                    call.waitingSince = instant(row, "waiting_since", context);
                    call.offeredAt = instant(row, "offered_at", context);
                    call.offers = row.getInt("offers");
                    call.answeredAt = instant(row, "answered_at", context);
                    call.endedAt = instant(row, "ended_at", context);
                    call.outcome = row.getString("outcome");
                    call.waitMs = row.getObject("wait_ms", Long.class);
                    call.talkMs = row.getObject("talk_ms", Long.class);
                    call.journalSeq = row.getLong("journal_seq");
                    return call;
                })
                .forEach(call -> writes.byCall.putIfAbsent(call.linkedId, call));
        return writes;
    }

    private static Instant instant(ResultSet row, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class).orElseThrow().map(row, column, context);
    }

    /** Plays {@code entry} on its call's row, in memory; false when the call has no row or had the entry already. */
    boolean apply(JournalEntry entry) {
        if (entry.kind() == JournalEntry.Kind.JOINED) {
            return byCall.containsKey(entry.callId()) ? false : joined(entry);
        }
        if (!KINDS.contains(entry.kind())) {
            return false;
        }
        CallRecord call = byCall.get(entry.callId());
        if (call == null || entry.sequence() <= call.journalSeq) {
            return false;
        }
        call.journalSeq = entry.sequence();
        call.changed = true;
        Instant at = entry.occurredAt();
        switch (entry.kind()) {
            case OFFERED -> {
                call.offeredAt = at;
                call.offers++;
                call.seat = entry.subject();
            }
            case CONNECTED -> {
                call.answeredAt = call.answeredAt == null ? at : call.answeredAt;
                call.waitingSince = null;
                call.seat = entry.subject();
                call.waitMs = sum(call.waitMs, entry.waitedMs());
                call.outcome = "ESCALATED".equals(call.outcome) ? call.outcome : "ANSWERED";
            }
            case ENDED -> {
                call.talkMs = sum(call.talkMs, entry.waitedMs());
                call.endedAt = at;
                call.waitingSince = null;
            }
            case ABANDONED -> end(call, at, "ABANDONED", entry.waitedMs());
            case HANDED_OFF -> end(call, at, entry.text(), entry.waitedMs());
            case ESCALATED -> {
                call.outcome = "ESCALATED";
                call.endedAt = null;
                call.waitingSince = at;
                call.queue = entry.text().split("\n", -1)[2];
            }
            default -> throw new IllegalStateException("not a call record entry: " + entry.kind());
        }
        return true;
    }

    private boolean joined(JournalEntry entry) {
        String[] fields = entry.text().split("\n", -1);
        CallRecord call = new CallRecord(entry.callId());
        call.uniqueId = fields[0].isEmpty() ? entry.callId() : fields[0];
        call.callerNumber = blankToNull(fields[1]);
        call.dialledNumber = blankToNull(fields[2]);
        call.customerId = fields[3].isEmpty() ? null : Long.valueOf(fields[3]);
        call.queue = entry.subject();
        call.joinedAt = entry.occurredAt();
        call.waitingSince = entry.occurredAt();
        call.journalSeq = entry.sequence();
        call.changed = true;
        byCall.put(entry.callId(), call);
        return true;
    }

    /** The product line of a JOINED entry, or {@code null}. */
    static String productOf(JournalEntry joined) {
        String[] fields = joined.text().split("\n", -1);
        return fields.length > 4 ? blankToNull(fields[4]) : null;
    }

    private static void end(CallRecord call, Instant at, String outcome, long waitedMs) {
        call.endedAt = at;
        call.waitingSince = null;
        call.outcome = outcome;
        call.waitMs = sum(call.waitMs, waitedMs);
    }

    private static Long sum(Long total, long more) {
        return total == null ? more : total + more;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Writes the new and changed rows: one insert batch, one update batch. */
    void flush() {
        PreparedBatch inserts = handle.prepareBatch(INSERT);
        PreparedBatch updates = handle.prepareBatch(UPDATE);
        for (CallRecord call : byCall.values()) {
            if (!call.changed) {
                continue;
            }
            PreparedBatch batch = call.id == null ? inserts : updates;
            batch.bind("queue", call.queue).bind("waitingSince", call.waitingSince).bind("offeredAt", call.offeredAt)
                    .bind("offers", call.offers)
                    .bind("answeredAt", call.answeredAt).bind("endedAt", call.endedAt).bind("seat", call.seat)
                    .bind("outcome", call.outcome).bind("waitMs", call.waitMs).bind("talkMs", call.talkMs)
                    .bind("seq", call.journalSeq);
            if (call.id == null) {
                batch.bind("server", asteriskServer).bind("uniqueId", call.uniqueId).bind("linkedId", call.linkedId)
                        .bind("callerNumber", call.callerNumber).bind("dialledNumber", call.dialledNumber)
                        .bind("customerId", call.customerId).bind("joinedAt", call.joinedAt);
            } else {
                batch.bind("id", call.id);
            }
            batch.add();
            call.changed = false;
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            updates.execute();
        }
    }

    /**
     * Closes every call of this server still open (joined at or before {@code at}, no end): the run that had it
     * stopped or died. Returns each closed call's id (linkedid) and whether it was in a conversation then (else it
     * was waiting for a seat, or ringing one, and the dialplan took it to the fallback queue).
     */
    Map<String, Boolean> closeOpenCalls(Instant at, long sequence) {
        flush();
        Map<String, Boolean> closed = new HashMap<>();
        List<OpenCall> stillOpen = handle.createQuery("SELECT id, linkedid, waiting_since, outcome"
                        + " FROM call_record WHERE asterisk_server = :server AND ended_at IS NULL"
                        + " AND joined_at <= :at FOR UPDATE")
                .bind("server", asteriskServer).bind("at", at)
                .map((row, context) -> new OpenCall(row.getLong("id"), row.getString("linkedid"),
                        row.getObject("waiting_since") == null, "ESCALATED".equals(row.getString("outcome")),
                        instant(row, "waiting_since", context)))
                .list();
        PreparedBatch updates = handle.prepareBatch("UPDATE call_record SET ended_at = :at, waiting_since = NULL,"
                + " outcome = COALESCE(:outcome, outcome), wait_ms = COALESCE(wait_ms, 0) + :waitMs,"
                + " journal_seq = :seq WHERE id = :id");
        for (OpenCall call : stillOpen) {
            // A caller waiting went to the dialplan's fallback queue (an escalated one stays ESCALATED); a
            // conversation went on without Hotline, its outcome as it was.
            boolean fallback = !call.talking() && !call.escalated();
            updates.bind("at", at).bind("outcome", fallback ? "FALLBACK" : null)
                    .bind("waitMs", call.talking() ? 0 : Duration.between(call.waitingSince(), at).toMillis())
                    .bind("seq", sequence).bind("id", call.id()).add();
            closed.put(call.linkedId(), call.talking());
            byCall.remove(call.linkedId());
        }
        if (updates.size() > 0) {
            updates.execute();
        }
        return closed;
    }

    /** A call still open when Hotline starts: in a conversation (talking) or waiting since a time. */
    private record OpenCall(long id, String linkedId, boolean talking, boolean escalated, Instant waitingSince) {
    }

    /** One call's row as the entries played so far leave it. */
    private static final class CallRecord {
        final String linkedId;
        Long id;
        String uniqueId;
        String callerNumber;
        String dialledNumber;
        Long customerId;
        String queue;
        Instant joinedAt;
        Instant waitingSince;
        Instant offeredAt;
        int offers;
        Instant answeredAt;
        Instant endedAt;
        String seat;
        String outcome;
        Long waitMs;
        Long talkMs;
        long journalSeq;
        boolean changed;

        CallRecord(String linkedId) {
            this.linkedId = linkedId;
        }
    }
}
