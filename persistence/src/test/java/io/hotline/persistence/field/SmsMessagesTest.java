package io.hotline.persistence.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.dao.SmsDirection;
import io.hotline.persistence.dao.SmsStatus;
import io.hotline.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMS in and out against the real server: an inbound message is stored once per gateway id, processed once,
 * and found at start while unprocessed; an outbound one is due when its time comes, sent once, retried at the time
 * given, given up when none is; a dispatch order's messages come in the order stored, with instants to the
 * millisecond.
 */
class SmsMessagesTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");

    private final SmsMessages sms = new SmsMessages(DB.jdbi());

    @Test
    void shouldStoreAnInboundMessageOnceAndProcessItOnce() {
        // given a message received
        Optional<Long> id = sms.receive("gw-in-1", "+8613007683746", "ARRIVE 101", AT);
        assertThat(id).isPresent();

        // when the gateway delivers it again
        Optional<Long> again = sms.receive("gw-in-1", "+8613007683746", "ARRIVE 101", AT.plusSeconds(5));

        // then it is a duplicate, and one row is stored, waiting to be processed
        assertThat(again).isEmpty();
        assertThat(sms.unprocessed()).filteredOn(row -> row.messageId().equals("gw-in-1"))
                .containsExactly(new InboundRow(id.orElseThrow(), "gw-in-1", "+8613007683746", "ARRIVE 101", AT));

        // when processed, then processed again
        assertThat(sms.processed(id.orElseThrow(), true, 101L, null, AT.plusMillis(7))).isTrue();
        assertThat(sms.processed(id.orElseThrow(), false, null, "late", AT.plusMillis(9))).isFalse();

        // then it is accepted as first recorded, and no longer waits
        assertThat(sms.unprocessed()).extracting(InboundRow::messageId).doesNotContain("gw-in-1");
        SmsRow row = sms.ofWorkOrder(101).get(0);
        assertThat(row.direction()).isEqualTo(SmsDirection.IN);
        assertThat(row.status()).isEqualTo(SmsStatus.ACCEPTED);
        assertThat(row.processedAt()).isEqualTo(AT.plusMillis(7));
        assertThat(row.error()).isNull();
    }

    @Test
    void shouldRejectWithTheReason() {
        long id = sms.receive("gw-in-2", "+8613000000009", "hello", AT).orElseThrow();

        assertThat(sms.processed(id, false, 202L, "not understood", AT.plusMillis(1))).isTrue();

        SmsRow row = sms.ofWorkOrder(202).get(0);
        assertThat(row.status()).isEqualTo(SmsStatus.REJECTED);
        assertThat(row.error()).isEqualTo("not understood");
    }

    @Test
    void shouldQueueAReplyOncePerOrderAndKeyAndSendItWhenDue() {
        // given a reply queued for a text Hotline did not understand, and the same queued again (a re-processing)
        assertThat(sms.queue(0, "reply-gw-q-1", "+8613000000031", "Hotline: not understood", AT)).isTrue();
        assertThat(sms.queue(0, "reply-gw-q-1", "+8613000000031", "Hotline: not understood", AT.plusSeconds(1)))
                .isFalse();

        // then it is due once, at the time queued, not before
        assertThat(sms.due(AT.minusMillis(1), 100)).extracting(OutboundRow::key).doesNotContain("reply-gw-q-1");
        assertThat(sms.due(AT, 100)).filteredOn(row -> row.key().equals("reply-gw-q-1"))
                .singleElement().satisfies(row -> {
                    assertThat(row.to()).isEqualTo("+8613000000031");
                    assertThat(row.workOrderId()).isZero();
                    assertThat(row.attempts()).isZero();
                });
    }

    @Test
    void shouldSendAQueuedMessageWhenDueAndOnlyOnce() {
        // given a message queued (as the journal writes it) for 10:15:30.123
        long id = queue(303, "dispatch-1", "+8618671574448", AT);

        // then it is not due a millisecond before, and due at its time
        assertThat(sms.due(AT.minusMillis(1), 10)).extracting(OutboundRow::id).doesNotContain(id);
        assertThat(sms.due(AT, 10)).filteredOn(row -> row.id() == id).containsExactly(
                new OutboundRow(id, 303, "dispatch-1", "+8618671574448", "Hotline: order 303", 0, AT));

        // when sent, and sent again
        assertThat(sms.sent(id, "gw-out-1", AT.plusMillis(250))).isTrue();
        assertThat(sms.sent(id, "gw-out-2", AT.plusMillis(500))).isFalse();

        // then it is sent once, and no longer due
        assertThat(sms.due(AT.plusSeconds(3600), 10)).extracting(OutboundRow::id).doesNotContain(id);
        SmsRow row = sms.ofWorkOrder(303).get(0);
        assertThat(row.status()).isEqualTo(SmsStatus.SENT);
        assertThat(row.gatewayMessageId()).isEqualTo("gw-out-1");
        assertThat(row.sentAt()).isEqualTo(AT.plusMillis(250));
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.key()).isEqualTo("dispatch-1");
    }

    @Test
    void shouldRetryAFailedMessageAtTheTimeGivenThenGiveUp() {
        long id = queue(404, "assigned-FE-043", "+8613007683746", AT);

        // when the first attempt fails, to be retried 30 s later
        assertThat(sms.failed(id, "gateway 503", AT.plusSeconds(30), AT.plusMillis(1))).isTrue();

        // then it is due again only then, with the attempt counted
        assertThat(sms.due(AT.plusSeconds(29), 10)).extracting(OutboundRow::id).doesNotContain(id);
        assertThat(sms.due(AT.plusSeconds(30), 10)).filteredOn(row -> row.id() == id)
                .extracting(OutboundRow::attempts).containsExactly(1);

        // when the next attempt fails and the sender gives up
        assertThat(sms.failed(id, "gateway 503 again", null, AT.plusSeconds(31))).isTrue();

        // then it failed for good, is never due again, and cannot be marked sent
        assertThat(sms.due(AT.plusSeconds(86_400), 10)).extracting(OutboundRow::id).doesNotContain(id);
        assertThat(sms.sent(id, "gw-late", AT.plusSeconds(32))).isFalse();
        SmsRow row = sms.ofWorkOrder(404).get(0);
        assertThat(row.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.error()).isEqualTo("gateway 503 again");
        assertThat(row.processedAt()).isEqualTo(AT.plusSeconds(31));
    }

    @Test
    void shouldListAnOrdersMessagesInBothDirectionsInTheOrderStored() {
        long out = queue(505, "dispatch-1", "+8618671574448", AT);
        long in = sms.receive("gw-in-5", "+8613007683746", "DONE 505 fixed", AT.plusMillis(1)).orElseThrow();
        sms.processed(in, true, 505L, null, AT.plusMillis(2));
        long reply = queue(505, "reply-gw-in-5", "+8613007683746", AT.plusMillis(3));

        List<SmsRow> rows = sms.ofWorkOrder(505);

        assertThat(rows).extracting(SmsRow::id).containsExactly(out, in, reply);
        assertThat(rows).extracting(SmsRow::createdAt).containsExactly(AT, AT.plusMillis(1), AT.plusMillis(3));
    }

    @Test
    void shouldMarkASentMessageDeliveredOnceByItsGatewayId() {
        // given a message sent, with the gateway's id
        long id = queue(606, "dispatch-1", "+8618671574448", AT);
        sms.sent(id, "gw-rcpt-1", AT.plusSeconds(1));

        // when the gateway reports it delivered, then reports it again, then reports it failed
        assertThat(sms.receipt("gw-rcpt-1", true, null, AT.plusSeconds(4))).isEqualTo(SmsMessages.Receipt.RECORDED);
        assertThat(sms.receipt("gw-rcpt-1", true, null, AT.plusSeconds(5))).isEqualTo(SmsMessages.Receipt.UNCHANGED);
        assertThat(sms.receipt("gw-rcpt-1", false, "expired", AT.plusSeconds(6)))
                .isEqualTo(SmsMessages.Receipt.UNCHANGED);

        // then it is delivered as first reported, and still sent when it was sent
        SmsRow row = sms.ofWorkOrder(606).get(0);
        assertThat(row.status()).isEqualTo(SmsStatus.DELIVERED);
        assertThat(row.sentAt()).isEqualTo(AT.plusSeconds(1));
        assertThat(row.processedAt()).isEqualTo(AT.plusSeconds(4));
        assertThat(row.error()).isNull();
    }

    @Test
    void shouldMarkASentMessageFailedWithTheGatewaysError() {
        long id = queue(707, "dispatch-1", "+8618671574448", AT);
        sms.sent(id, "gw-rcpt-2", AT.plusSeconds(1));

        assertThat(sms.receipt("gw-rcpt-2", false, "undelivered: handset off", AT.plusSeconds(60)))
                .isEqualTo(SmsMessages.Receipt.RECORDED);
        assertThat(sms.receipt("gw-rcpt-2", true, null, AT.plusSeconds(61))).isEqualTo(SmsMessages.Receipt.UNCHANGED);

        SmsRow row = sms.ofWorkOrder(707).get(0);
        assertThat(row.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(row.error()).isEqualTo("undelivered: handset off");
        assertThat(row.processedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void shouldChangeNothingForAReceiptOfAnUnknownOrInboundOrQueuedMessage() {
        // given an inbound message with a gateway id, and an outbound one still queued
        long in = sms.receive("gw-rcpt-in", "+8613007683746", "ARRIVE 808", AT).orElseThrow();
        sms.processed(in, true, 808L, null, AT.plusMillis(1));
        queue(808, "dispatch-1", "+8618671574448", AT);

        // then a receipt names no outbound message: unknown, and nothing changed
        assertThat(sms.receipt("gw-rcpt-none", true, null, AT)).isEqualTo(SmsMessages.Receipt.UNKNOWN);
        assertThat(sms.receipt("gw-rcpt-in", false, "failed", AT)).isEqualTo(SmsMessages.Receipt.UNKNOWN);
        assertThat(sms.ofWorkOrder(808)).extracting(SmsRow::status)
                .containsExactly(SmsStatus.ACCEPTED, SmsStatus.QUEUED);
    }

    @Test
    void shouldCountTheQueueAndFindSinceWhenTheLongestDueMessageWaits() {
        // given (long before the other tests' messages) two messages due, one waiting for a retry, one sent
        Instant now = AT.minusSeconds(3600);
        long before = sms.backlog(now).queued();
        queue(909, "dispatch-1", "+8618671574448", now.minusSeconds(400));
        queue(909, "dispatch-2", "+8618671574448", now.minusSeconds(10));
        long retry = queue(909, "dispatch-3", "+8618671574448", now.minusSeconds(900));
        sms.failed(retry, "gateway 503", now.plusSeconds(30), now.minusSeconds(899));
        long sent = queue(909, "dispatch-4", "+8618671574448", now.minusSeconds(1000));
        sms.sent(sent, "gw-backlog-4", now.minusSeconds(999));

        // when read
        SmsMessages.Backlog backlog = sms.backlog(now);

        // then three are queued, and the longest due has been due since 400 s ago
        assertThat(backlog.queued()).isEqualTo(before + 3);
        assertThat(backlog.oldestDue()).isEqualTo(now.minusSeconds(400));
        assertThat(sms.backlog(now.minusSeconds(3600)).oldestDue()).isNull();
    }

    /** An outbound message queued as the journal writes it ({@code FieldWrites.SMS}); its id. */
    private static long queue(long workOrderId, String key, String to, Instant at) {
        return DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO sms_message (direction, phone_number,"
                        + " body, status, work_order_id, sms_key, attempts, next_attempt_at, created_at) VALUES ('OUT',"
                        + " :to, :body, 'QUEUED', :id, :key, 0, :at, :at)")
                .bind("to", to).bind("body", "Hotline: order " + workOrderId).bind("id", workOrderId)
                .bind("key", key).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
