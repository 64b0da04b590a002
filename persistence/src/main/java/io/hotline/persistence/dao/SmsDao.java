package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SMS in and out through the gateway. Inbound messages are recorded idempotently on the gateway's message id,
 * because gateways redeliver a webhook they think failed; outbound ones are queued here and sent by the SMS
 * sender, which marks them sent or failed. Phone numbers are normalised on the way in. Thread-safe when
 * obtained with {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(SmsMessageRow.class)
public interface SmsDao {

    /** The unique key that makes inbound recording idempotent. */
    String GATEWAY_MESSAGE_KEY = "uq_sms_gateway_message";

    /** The columns of {@code sms_message}, in {@link SmsMessageRow}'s order. */
    String COLUMNS = "id, direction, gateway_message_id, phone_number, body, status, engineer_id,"
            + " dispatch_order_id, created_at, processed_at, error";

    /**
     * Records an inbound message in status {@code RECEIVED} unless one with the same gateway id is already
     * recorded. Insert-then-catch rather than {@code INSERT IGNORE} (which would also swallow other errors) or
     * {@code ON DUPLICATE KEY UPDATE} (whose affected-row count cannot tell the cases apart under the driver's
     * found-rows default).
     *
     * @return {@code true} if this call recorded it, {@code false} if it was a redelivery
     * @throws IllegalArgumentException if the sender is not a phone number
     */
    default boolean recordInbound(String gatewayMessageId, String fromNumber, String body, Instant receivedAt) {
        Objects.requireNonNull(gatewayMessageId, "gatewayMessageId");
        String normalised = PhoneNumbers.normalise(fromNumber);
        try {
            insertInbound(gatewayMessageId, normalised, body, receivedAt);
            return true;
        } catch (JdbiException e) {
            if (DuplicateKeys.isDuplicateOf(e, GATEWAY_MESSAGE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /** The insert behind {@link #recordInbound}; fails on a duplicate gateway id. */
    @SqlUpdate("INSERT INTO sms_message (direction, gateway_message_id, phone_number, body, status, created_at)"
            + " VALUES ('IN', :gatewayMessageId, :phoneNumber, :body, 'RECEIVED', :receivedAt)")
    void insertInbound(@Bind("gatewayMessageId") String gatewayMessageId,
                       @Bind("phoneNumber") String normalisedPhoneNumber, @Bind("body") String body,
                       @Bind("receivedAt") Instant receivedAt);

    /**
     * The message with this gateway id in this direction (a gateway may number inbound and outbound messages
     * separately, so the id is unique per direction only).
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM sms_message WHERE direction = :direction"
            + " AND gateway_message_id = :gatewayMessageId")
    Optional<SmsMessageRow> findByGatewayMessageId(@Bind("direction") SmsDirection direction,
                                                   @Bind("gatewayMessageId") String gatewayMessageId);

    /** RECEIVED to ACCEPTED: the message was understood and applied to the engineer's dispatch order. */
    @SqlUpdate("UPDATE sms_message SET status = 'ACCEPTED', engineer_id = :engineerId,"
            + " dispatch_order_id = :dispatchOrderId, processed_at = :at"
            + " WHERE id = :id AND direction = 'IN' AND status = 'RECEIVED'")
    boolean markAccepted(@Bind("id") long id, @Bind("engineerId") Long engineerId,
                         @Bind("dispatchOrderId") Long dispatchOrderId, @Bind("at") Instant at);

    /** RECEIVED to REJECTED, with the reason (unknown sender, unparseable text, no open order). */
    @SqlUpdate("UPDATE sms_message SET status = 'REJECTED', error = :reason, processed_at = :at"
            + " WHERE id = :id AND direction = 'IN' AND status = 'RECEIVED'")
    boolean markRejected(@Bind("id") long id, @Bind("reason") String reason, @Bind("at") Instant at);

    /**
     * Queues an outbound message in status {@code QUEUED}; returns its id.
     *
     * @throws IllegalArgumentException if {@code toNumber} is not a phone number
     */
    default long queueOutbound(String toNumber, String body, Long engineerId, Long dispatchOrderId,
                               Instant queuedAt) {
        return insertOutbound(PhoneNumbers.normalise(toNumber), body, engineerId, dispatchOrderId, queuedAt);
    }

    /** The insert behind {@link #queueOutbound}. */
    @SqlUpdate("INSERT INTO sms_message (direction, phone_number, body, status, engineer_id, dispatch_order_id,"
            + " created_at) VALUES ('OUT', :phoneNumber, :body, 'QUEUED', :engineerId, :dispatchOrderId, :queuedAt)")
    @GetGeneratedKeys("id")
    long insertOutbound(@Bind("phoneNumber") String normalisedPhoneNumber, @Bind("body") String body,
                        @Bind("engineerId") Long engineerId, @Bind("dispatchOrderId") Long dispatchOrderId,
                        @Bind("queuedAt") Instant queuedAt);

    /** Queued outbound messages, oldest first, at most {@code limit}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM sms_message WHERE direction = 'OUT' AND status = 'QUEUED'"
            + " ORDER BY id LIMIT :limit")
    List<SmsMessageRow> listQueued(@Bind("limit") int limit);

    /** QUEUED to SENT, with the id the gateway gave it. */
    @SqlUpdate("UPDATE sms_message SET status = 'SENT', gateway_message_id = :gatewayMessageId, processed_at = :at"
            + " WHERE id = :id AND direction = 'OUT' AND status = 'QUEUED'")
    boolean markSent(@Bind("id") long id, @Bind("gatewayMessageId") String gatewayMessageId, @Bind("at") Instant at);

    /** QUEUED or SENT to FAILED, with the gateway's error. */
    @SqlUpdate("UPDATE sms_message SET status = 'FAILED', error = :error, processed_at = :at"
            + " WHERE id = :id AND direction = 'OUT' AND status IN ('QUEUED', 'SENT')")
    boolean markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("at") Instant at);
}
