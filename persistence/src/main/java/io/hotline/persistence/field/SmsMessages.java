package io.hotline.persistence.field;

import io.hotline.persistence.dao.DuplicateKeys;
import io.hotline.persistence.dao.SmsDirection;
import io.hotline.persistence.dao.SmsStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The SMS in and out ({@code sms_message}). Inbound: stored {@code RECEIVED} once per gateway message id (a
 * webhook delivered twice is a duplicate), then {@code ACCEPTED} or {@code REJECTED} once processed; what was
 * stored but not processed when Hotline stopped is found at start ({@link #unprocessed()}). Outbound: queued through
 * the journal ({@link io.hotline.persistence.outbox.JournalFieldStore#smsQueued}), then taken by the sender when due
 * ({@link #due}), and marked {@code SENT} with the gateway's id, or failed: retried at the time the sender gives, or
 * {@code FAILED} when it gives up; the gateway's delivery receipt then makes a sent message {@code DELIVERED} or
 * {@code FAILED} ({@link #receipt}); the queue's size is read for health ({@link #backlog}). Texts longer than the
 * column (2000 characters) are cut; nothing else is decided here. Blocking; thread-safe: call it on app's executors.
 */
public final class SmsMessages {
    private static final String GATEWAY_MESSAGE_KEY = "uq_sms_gateway_message";
    private static final String ORDER_KEY = "uq_sms_order_key";
    private static final int MAX_BODY = 2000;
    private static final int MAX_ERROR = 1000;
    private static final int MAX_PHONE = 32;
    private static final String COLUMNS = "id, direction, status, work_order_id, sms_key, phone_number, body,"
            + " gateway_message_id, created_at, sent_at, processed_at, attempts, error";

    private final Jdbi jdbi;

    /** @param jdbi Hotline's database ({@code Database.jdbi()}) */
    public SmsMessages(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Stores an inbound message, {@code RECEIVED}.
     *
     * @return its id, or empty when a message with this gateway id was stored before (a duplicate: nothing changes)
     */
    public Optional<Long> receive(String messageId, String from, String text, Instant receivedAt) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        try {
            return Optional.of(jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO sms_message (direction,"
                            + " gateway_message_id, phone_number, body, status, created_at) VALUES ('IN', :messageId,"
                            + " :from, :text, 'RECEIVED', :at)")
                    .bind("messageId", messageId).bind("from", cut(from, MAX_PHONE)).bind("text", cut(text, MAX_BODY))
                    .bind("at", receivedAt).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
        } catch (JdbiException e) {
            if (DuplicateKeys.isDuplicateOf(e, GATEWAY_MESSAGE_KEY)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Records how an inbound message was processed: {@code ACCEPTED} or {@code REJECTED}, the order it named (or
     * {@code null}), and the reason (or {@code null}).
     *
     * @return false when it was processed before (or is no inbound message): nothing changed
     */
    public boolean processed(long id, boolean accepted, Long workOrderId, String reasonOrNull, Instant at) {
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE sms_message SET status = :status,"
                        + " work_order_id = :workOrderId, error = :reason, processed_at = :at"
                        + " WHERE id = :id AND direction = 'IN' AND processed_at IS NULL")
                .bind("status", (accepted ? SmsStatus.ACCEPTED : SmsStatus.REJECTED).name())
                .bind("workOrderId", workOrderId).bind("reason", reasonOrNull == null ? null
                        : cut(reasonOrNull, MAX_ERROR)).bind("at", at).bind("id", id).execute()) == 1;
    }

    /** The inbound messages stored but not processed (Hotline stopped in between), oldest first. */
    public List<InboundRow> unprocessed() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, gateway_message_id, phone_number, body,"
                        + " created_at FROM sms_message WHERE direction = 'IN' AND processed_at IS NULL ORDER BY id")
                .map((row, context) -> new InboundRow(row.getLong("id"), row.getString("gateway_message_id"),
                        row.getString("phone_number"), row.getString("body"),
                        context.findColumnMapperFor(Instant.class).orElseThrow().map(row, "created_at", context)))
                .list());
    }

    /**
     * Queues an outbound message that no desk decision carries (the reply to a text Hotline did not understand):
     * once per {@code (workOrderId, key)}, due at {@code at}. The desk's own messages come through the journal.
     *
     * @return false when a message with this order and key was queued before: nothing changed
     */
    public boolean queue(long workOrderId, String key, String to, String body, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO sms_message (direction, phone_number,"
                            + " body, status, work_order_id, sms_key, attempts, next_attempt_at, created_at) VALUES"
                            + " ('OUT', :to, :body, 'QUEUED', :id, :key, 0, :at, :at)")
                    .bind("to", cut(to, MAX_PHONE)).bind("body", cut(body, MAX_BODY)).bind("id", workOrderId)
                    .bind("key", key).bind("at", at).execute()) == 1;
        } catch (JdbiException e) {
            if (DuplicateKeys.isDuplicateOf(e, ORDER_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /** At most {@code limit} outbound messages queued and due at {@code now}, the earliest due first. */
    public List<OutboundRow> due(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, work_order_id, sms_key, phone_number, body,"
                        + " attempts, created_at FROM sms_message WHERE direction = 'OUT' AND status = 'QUEUED'"
                        + " AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map((row, context) -> new OutboundRow(row.getLong("id"), row.getLong("work_order_id"),
                        row.getString("sms_key"), row.getString("phone_number"), row.getString("body"),
                        row.getInt("attempts"),
                        context.findColumnMapperFor(Instant.class).orElseThrow().map(row, "created_at", context)))
                .list());
    }

    /**
     * A queued message was sent: {@code SENT}, with the gateway's id.
     *
     * @return false when it was not queued (sent or given up before): nothing changed
     */
    public boolean sent(long id, String gatewayId, Instant at) {
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE sms_message SET status = 'SENT',"
                        + " gateway_message_id = :gatewayId, attempts = attempts + 1, sent_at = :at,"
                        + " processed_at = :at, next_attempt_at = NULL"
                        + " WHERE id = :id AND direction = 'OUT' AND status = 'QUEUED'")
                .bind("gatewayId", gatewayId).bind("at", at).bind("id", id).execute()) == 1;
    }

    /**
     * A queued message could not be sent: the attempt is counted with its error; it is tried again at
     * {@code nextAttemptAt}, or, when that is {@code null}, given up: {@code FAILED}.
     *
     * @return false when it was not queued: nothing changed
     */
    public boolean failed(long id, String error, Instant nextAttemptAt, Instant at) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE sms_message SET attempts = attempts + 1,"
                        + " error = :error, next_attempt_at = :next, status = :status, processed_at = :processedAt"
                        + " WHERE id = :id AND direction = 'OUT' AND status = 'QUEUED'")
                .bind("error", cut(error, MAX_ERROR)).bind("next", nextAttemptAt)
                .bind("status", (nextAttemptAt == null ? SmsStatus.FAILED : SmsStatus.QUEUED).name())
                .bind("processedAt", nextAttemptAt == null ? at : null).bind("id", id).execute()) == 1;
    }

    /** What a delivery receipt changed ({@link #receipt}). */
    public enum Receipt {
        /** The message was {@code SENT}: now {@code DELIVERED}, or {@code FAILED} with the error. */
        RECORDED,
        /** The message's outcome was known before (a receipt delivered twice, or a later one): nothing changed. */
        UNCHANGED,
        /** No outbound message has this gateway id: nothing changed. */
        UNKNOWN
    }

    /**
     * The gateway's delivery receipt for the outbound message it gave {@code gatewayId}: a {@code SENT} message
     * becomes {@code DELIVERED}, or {@code FAILED} with {@code error}; {@code processed_at} is the receipt's time
     * ({@code sent_at} keeps the time it was sent). Only the first receipt counts: a message delivered or failed
     * before is left as it is.
     *
     * @param error why it was not delivered ({@code null} when delivered)
     */
    public Receipt receipt(String gatewayId, boolean delivered, String error, Instant at) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(at, "at");
        if (!delivered) {
            Objects.requireNonNull(error, "error");
        }
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE sms_message SET status = :status, error = :error,"
                            + " processed_at = :at WHERE direction = 'OUT' AND gateway_message_id = :gatewayId"
                            + " AND status = 'SENT'")
                    .bind("status", (delivered ? SmsStatus.DELIVERED : SmsStatus.FAILED).name())
                    .bind("error", delivered ? null : cut(error, MAX_ERROR)).bind("at", at)
                    .bind("gatewayId", gatewayId).execute();
            if (changed == 1) {
                return Receipt.RECORDED;
            }
            boolean known = handle.createQuery("SELECT COUNT(*) FROM sms_message WHERE direction = 'OUT'"
                            + " AND gateway_message_id = :gatewayId").bind("gatewayId", gatewayId)
                    .mapTo(Long.class).one() > 0;
            return known ? Receipt.UNCHANGED : Receipt.UNKNOWN;
        });
    }

    /**
     * The outbound queue at {@code now}, in one query: how many messages are queued, and since when the one due
     * longest has been due ({@code null} when none is due: all wait for a retry, or none is queued).
     */
    public Backlog backlog(Instant now) {
        Objects.requireNonNull(now, "now");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) AS queued, MIN(CASE WHEN"
                        + " next_attempt_at <= :now THEN next_attempt_at END) AS oldest_due FROM sms_message"
                        + " WHERE direction = 'OUT' AND status = 'QUEUED'").bind("now", now)
                .map((row, context) -> new Backlog(row.getLong("queued"),
                        context.findColumnMapperFor(Instant.class).orElseThrow().map(row, "oldest_due", context)))
                .one());
    }

    /**
     * The outbound queue's size and the time its longest-due message became due ({@code null}: none is due).
     * Immutable.
     */
    public record Backlog(long queued, Instant oldestDue) {
    }

    /** The messages in and out about dispatch order {@code workOrderId}, in the order they were stored. */
    public List<SmsRow> ofWorkOrder(long workOrderId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM sms_message"
                        + " WHERE work_order_id = :id ORDER BY created_at, id").bind("id", workOrderId)
                .map((row, context) -> {
                    var instants = context.findColumnMapperFor(Instant.class).orElseThrow();
                    return new SmsRow(row.getLong("id"), SmsDirection.valueOf(row.getString("direction")),
                            SmsStatus.valueOf(row.getString("status")), row.getObject("work_order_id", Long.class),
                            row.getString("sms_key"), row.getString("phone_number"), row.getString("body"),
                            row.getString("gateway_message_id"), instants.map(row, "created_at", context),
                            instants.map(row, "sent_at", context), instants.map(row, "processed_at", context),
                            row.getInt("attempts"), row.getString("error"));
                })
                .list());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
