package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Callbacks owed to callers. The dialler polls {@link #listDue}, then claims each with
 * {@link #markDialling} (a guarded update, so two dialler instances never call the same customer twice) and
 * reports the result. Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its handle's thread
 * when attached.
 *
 * <pre>
 * PENDING -dialling-> DIALLING -connected-> CONNECTED
 *                     DIALLING -retry-> PENDING (later due time)
 * PENDING | DIALLING -failed-> FAILED,  -cancelled-> CANCELLED
 * </pre>
 */
@RegisterConstructorMapper(CallbackRow.class)
public interface CallbackDao {

    /** The columns of {@code callback_request}, in {@link CallbackRow}'s order. */
    String COLUMNS = "id, work_order_id, phone_number, requested_at, due_at, attempts, state, completed_at";

    /**
     * Records a callback request, {@code PENDING}; returns its id.
     *
     * @throws IllegalArgumentException if {@code phoneNumber} is not a phone number (an anonymous caller)
     */
    default long request(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        return insert(workOrderId, PhoneNumbers.normalise(phoneNumber), requestedAt, dueAt);
    }

    /** The insert behind {@link #request}. */
    @SqlUpdate("INSERT INTO callback_request (work_order_id, phone_number, requested_at, due_at, state)"
            + " VALUES (:workOrderId, :phoneNumber, :requestedAt, :dueAt, 'PENDING')")
    @GetGeneratedKeys("id")
    long insert(@Bind("workOrderId") long workOrderId, @Bind("phoneNumber") String normalisedPhoneNumber,
                @Bind("requestedAt") Instant requestedAt, @Bind("dueAt") Instant dueAt);

    /** Pending callbacks due at or before {@code now}, earliest first, at most {@code limit}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM callback_request WHERE state = 'PENDING' AND due_at <= :now"
            + " ORDER BY due_at, id LIMIT :limit")
    List<CallbackRow> listDue(@Bind("now") Instant now, @Bind("limit") int limit);

    /** PENDING to DIALLING, counting the attempt: the dialler's claim. False if someone else claimed it. */
    @SqlUpdate("UPDATE callback_request SET state = 'DIALLING', attempts = attempts + 1"
            + " WHERE id = :id AND state = 'PENDING'")
    boolean markDialling(@Bind("id") long id);

    /** DIALLING to CONNECTED: the customer was reached. */
    @SqlUpdate("UPDATE callback_request SET state = 'CONNECTED', completed_at = :at"
            + " WHERE id = :id AND state = 'DIALLING'")
    boolean markConnected(@Bind("id") long id, @Bind("at") Instant at);

    /** DIALLING back to PENDING, due again at {@code nextDueAt}: no answer, try later. */
    @SqlUpdate("UPDATE callback_request SET state = 'PENDING', due_at = :nextDueAt"
            + " WHERE id = :id AND state = 'DIALLING'")
    boolean markRetry(@Bind("id") long id, @Bind("nextDueAt") Instant nextDueAt);

    /** PENDING or DIALLING to FAILED: attempts exhausted. */
    @SqlUpdate("UPDATE callback_request SET state = 'FAILED', completed_at = :at"
            + " WHERE id = :id AND state IN ('PENDING', 'DIALLING')")
    boolean markFailed(@Bind("id") long id, @Bind("at") Instant at);

    /** PENDING or DIALLING to CANCELLED: no longer wanted. */
    @SqlUpdate("UPDATE callback_request SET state = 'CANCELLED', completed_at = :at"
            + " WHERE id = :id AND state IN ('PENDING', 'DIALLING')")
    boolean markCancelled(@Bind("id") long id, @Bind("at") Instant at);

    /** The request with this id. */
    @SqlQuery("SELECT " + COLUMNS + " FROM callback_request WHERE id = :id")
    Optional<CallbackRow> find(@Bind("id") long id);
}
