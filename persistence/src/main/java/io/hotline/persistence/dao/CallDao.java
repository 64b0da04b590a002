package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Call legs, one row per Asterisk channel that entered Hotline, written as the call progresses. Each update
 * is guarded so that a late or replayed AMI event cannot rewrite a finished call; the {@code boolean} says
 * whether it applied. Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its handle's thread
 * when attached.
 */
@RegisterConstructorMapper(CallRow.class)
public interface CallDao {

    /** The columns of {@code call_record}, in {@link CallRow}'s order. */
    String COLUMNS = "id, asterisk_server, uniqueid, linkedid, caller_number, dialled_number, customer_id, queue,"
            + " joined_at, offered_at, answered_at, ended_at, seat_id, outcome, wait_ms, routing_explanation";

    /**
     * Records a call leg when it joins; returns its id. The progress columns of {@code call} are ignored. Fails
     * on a second row for the same {@code (asteriskServer, uniqueId)} ({@code uq_call_uniqueid}).
     */
    @SqlUpdate("INSERT INTO call_record (asterisk_server, uniqueid, linkedid, caller_number, dialled_number,"
            + " customer_id, queue, joined_at) VALUES (:asteriskServer, :uniqueId, :linkedId, :callerNumber,"
            + " :dialledNumber, :customerId, :queue, :joinedAt)")
    @GetGeneratedKeys("id")
    long insertOnJoin(@BindMethods CallRow call);

    /** Records the queue and the recognised customer once routing knows them; false if the call has ended. */
    @SqlUpdate("UPDATE call_record SET queue = :queue, customer_id = :customerId WHERE id = :id AND ended_at IS NULL")
    boolean updateQueue(@Bind("id") long id, @Bind("queue") String queue, @Bind("customerId") Long customerId);

    /**
     * Records an offer to a seat. {@code offered_at} keeps the first offer; {@code seat_id} follows the latest.
     * False if the call was already answered or has ended.
     */
    @SqlUpdate("UPDATE call_record SET offered_at = COALESCE(offered_at, :offeredAt), seat_id = :seatId"
            + " WHERE id = :id AND answered_at IS NULL AND ended_at IS NULL")
    boolean markOffered(@Bind("id") long id, @Bind("seatId") long seatId, @Bind("offeredAt") Instant offeredAt);

    /** Records the answer and the caller's wait; false if already answered or ended. */
    @SqlUpdate("UPDATE call_record SET answered_at = :answeredAt, seat_id = :seatId, wait_ms = :waitMs"
            + " WHERE id = :id AND answered_at IS NULL AND ended_at IS NULL")
    boolean markAnswered(@Bind("id") long id, @Bind("seatId") long seatId, @Bind("answeredAt") Instant answeredAt,
                         @Bind("waitMs") int waitMs);

    /**
     * Records the end and outcome; {@code waitMs}, when not {@code null}, replaces the recorded wait (for calls
     * that were never answered). False if the call had already ended.
     */
    @SqlUpdate("UPDATE call_record SET ended_at = :endedAt, outcome = :outcome, wait_ms = COALESCE(:waitMs, wait_ms)"
            + " WHERE id = :id AND ended_at IS NULL")
    boolean markEnded(@Bind("id") long id, @Bind("endedAt") Instant endedAt, @Bind("outcome") CallOutcome outcome,
                      @Bind("waitMs") Integer waitMs);

    /** Stores routing's explanation of its decision (replacing an earlier one); false if no such call. */
    @SqlUpdate("UPDATE call_record SET routing_explanation = :explanation WHERE id = :id")
    boolean setRoutingExplanation(@Bind("id") long id, @Bind("explanation") String explanation);

    /** The call leg with this uniqueid on this server. */
    @SqlQuery("SELECT " + COLUMNS + " FROM call_record WHERE asterisk_server = :server AND uniqueid = :uniqueId")
    Optional<CallRow> findByUniqueId(@Bind("server") String asteriskServer, @Bind("uniqueId") String uniqueId);

    /** Every leg of one call (same server and linkedid), in the order they joined. */
    @SqlQuery("SELECT " + COLUMNS + " FROM call_record WHERE asterisk_server = :server AND linkedid = :linkedId"
            + " ORDER BY joined_at, id")
    List<CallRow> listByLinkedId(@Bind("server") String asteriskServer, @Bind("linkedId") String linkedId);
}
