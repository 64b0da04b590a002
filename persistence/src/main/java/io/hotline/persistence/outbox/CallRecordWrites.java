package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.CallOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * counted twice. An entry for a call without a row (it joined before the row was kept) changes nothing. One
 * method per kind of entry that changes a row, called by {@link JournalWrites}' dispatcher.
 * One per batch; confined to the journal's database thread.
 */
final class CallRecordWrites {
    private static final String INSERT = "INSERT INTO call_record (asterisk_server, uniqueid, linkedid,"
            + " caller_number, dialled_number, customer_id, queue, product_line, joined_at, waiting_since, offered_at,"
            + " offers,"
            + " answered_at, ended_at, seat_id, outcome, wait_ms, talk_ms, journal_seq) VALUES (:server, :uniqueId,"
            + " :linkedId, :callerNumber, :dialledNumber, :customerId, :queue, :productLine, :joinedAt, :waitingSince,"
            + " :offeredAt,"
            + " :offers, :answeredAt, :endedAt, (SELECT id FROM seat WHERE code = :seat), :outcome, :waitMs, :talkMs,"
            + " :seq)"
            // A second JOINED for a channel already recorded (an entry replayed) keeps the row as it is.
            + " ON DUPLICATE KEY UPDATE id = id";
    private static final String UPDATE = "UPDATE call_record SET queue = :queue, waiting_since = :waitingSince,"
            + " offered_at = :offeredAt,"
            + " offers = :offers, answered_at = :answeredAt, ended_at = :endedAt,"
            + " seat_id = COALESCE((SELECT id FROM seat WHERE code = :seat), seat_id), outcome = :outcome,"
            + " wait_ms = :waitMs, talk_ms = :talkMs, journal_seq = :seq WHERE id = :id";

    private final String asteriskServer;
    private final Handle handle;
    private final Map<String, CallRecord> byCall = new HashMap<>();

    private CallRecordWrites(String asteriskServer, Handle handle) {
        this.asteriskServer = asteriskServer;
        this.handle = handle;
    }

    /** Reads and locks the rows of {@code callIds} (FOR UPDATE) until the transaction ends. */
    static CallRecordWrites lock(Handle handle, String asteriskServer, Set<String> callIds) {
        CallRecordWrites writes = new CallRecordWrites(asteriskServer, handle);
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
                    call.outcome = outcome(row.getString("outcome"));
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

    private static CallOutcome outcome(String column) {
        return column == null ? null : CallOutcome.valueOf(column);
    }

    /** Starts the call's row, unless it has one; false when it had. */
    boolean joined(JournalEntry.Joined entry) {
        if (byCall.containsKey(entry.callId())) {
            return false;
        }
        CallRecord call = new CallRecord(entry.callId());
        call.uniqueId = entry.channelId() == null ? entry.callId() : entry.channelId();
        call.callerNumber = entry.callerNumber();
        call.dialledNumber = entry.dialledNumber();
        call.customerId = entry.customerId();
        call.queue = entry.queue();
        call.productLine = entry.productSkill();
        call.joinedAt = entry.occurredAt();
        call.waitingSince = entry.occurredAt();
        call.journalSeq = entry.sequence();
        call.changed = true;
        byCall.put(entry.callId(), call);
        return true;
    }

    /** Counts the offer and keeps the latest; false when the call has no row or had the entry already. */
    boolean offered(JournalEntry.Offered entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        call.offeredAt = entry.occurredAt();
        call.offers++;
        call.seat = entry.seatId();
        return true;
    }

    /** The first answer, the seat and the wait; an escalated call stays ESCALATED. False: no row, or replayed. */
    boolean connected(JournalEntry.Connected entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        call.answeredAt = call.answeredAt == null ? entry.occurredAt() : call.answeredAt;
        call.waitingSince = null;
        call.seat = entry.seatId();
        call.waitMs = sum(call.waitMs, entry.waited());
        call.outcome = call.outcome == CallOutcome.ESCALATED ? call.outcome : CallOutcome.ANSWERED;
        return true;
    }

    /** Adds the talk time and ends the call (for now: an escalation opens it again). False: no row, or replayed. */
    boolean ended(JournalEntry.Ended entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        call.talkMs = sum(call.talkMs, entry.talked());
        call.endedAt = entry.occurredAt();
        call.waitingSince = null;
        return true;
    }

    /** Ends the call ABANDONED. False: no row, or replayed. */
    boolean abandoned(JournalEntry.Abandoned entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        end(call, entry.occurredAt(), CallOutcome.ABANDONED, entry.waited());
        return true;
    }

    /** Ends the call with what it was handed to as its outcome. False: no row, or replayed. */
    boolean handedOff(JournalEntry.HandedOff entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        CallOutcome outcome = switch (entry.handoff()) {
            case CALLBACK -> CallOutcome.CALLBACK;
            case FALLBACK -> CallOutcome.FALLBACK;
            case AFTER_HOURS -> CallOutcome.AFTER_HOURS;
        };
        end(call, entry.occurredAt(), outcome, entry.waited());
        return true;
    }

    /** The call waits again, in the target queue, ESCALATED. False: no row, or replayed. */
    boolean escalated(JournalEntry.Escalated entry) {
        CallRecord call = playable(entry);
        if (call == null) {
            return false;
        }
        call.outcome = CallOutcome.ESCALATED;
        call.endedAt = null;
        call.waitingSince = entry.occurredAt();
        call.queue = entry.queue();
        return true;
    }

    /**
     * The row {@code entry} changes, marked as changed by it; {@code null} when the call has no row or the row had
     * the entry already.
     */
    private CallRecord playable(JournalEntry.CallEntry entry) {
        CallRecord call = byCall.get(entry.callId());
        if (call == null || entry.sequence() <= call.journalSeq) {
            return null;
        }
        call.journalSeq = entry.sequence();
        call.changed = true;
        return call;
    }

    private static void end(CallRecord call, Instant at, CallOutcome outcome, Duration waited) {
        call.endedAt = at;
        call.waitingSince = null;
        call.outcome = outcome;
        call.waitMs = sum(call.waitMs, waited);
    }

    private static Long sum(Long total, Duration more) {
        return total == null ? more.toMillis() : total + more.toMillis();
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
                    .bind("outcome", call.outcome == null ? null : call.outcome.name())
                    .bind("waitMs", call.waitMs).bind("talkMs", call.talkMs)
                    .bind("seq", call.journalSeq);
            if (call.id == null) {
                batch.bind("server", asteriskServer).bind("uniqueId", call.uniqueId).bind("linkedId", call.linkedId)
                        .bind("callerNumber", call.callerNumber).bind("dialledNumber", call.dialledNumber)
                        .bind("customerId", call.customerId).bind("joinedAt", call.joinedAt)
                        .bind("productLine", call.productLine);
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
                        row.getObject("waiting_since") == null,
                        outcome(row.getString("outcome")) == CallOutcome.ESCALATED,
                        instant(row, "waiting_since", context)))
                .list();
        PreparedBatch updates = handle.prepareBatch("UPDATE call_record SET ended_at = :at, waiting_since = NULL,"
                + " outcome = COALESCE(:outcome, outcome), wait_ms = COALESCE(wait_ms, 0) + :waitMs,"
                + " journal_seq = :seq WHERE id = :id");
        for (OpenCall call : stillOpen) {
            // A caller waiting went to the dialplan's fallback queue (an escalated one stays ESCALATED); a
            // conversation went on without Hotline, its outcome as it was.
            boolean fallback = !call.talking() && !call.escalated();
            updates.bind("at", at).bind("outcome", fallback ? CallOutcome.FALLBACK.name() : null)
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
        String productLine;
        Instant joinedAt;
        Instant waitingSince;
        Instant offeredAt;
        int offers;
        Instant answeredAt;
        Instant endedAt;
        String seat;
        CallOutcome outcome;
        Long waitMs;
        Long talkMs;
        long journalSeq;
        boolean changed;

        CallRecord(String linkedId) {
            this.linkedId = linkedId;
        }
    }
}
