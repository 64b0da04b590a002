package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmsDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldRecordARedeliveredInboundMessageOnce() {
        // given
        SmsDao sms = DB.jdbi().onDemand(SmsDao.class);

        // when the gateway delivers the same webhook twice
        boolean first = sms.recordInbound("gw-0001", "+86 139 5555 0001", "ARRIVED 42", T0);
        boolean second = sms.recordInbound("gw-0001", "+86 139 5555 0001", "ARRIVED 42", T0.plusSeconds(30));

        // then it is recorded once, as first received
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        int stored = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM sms_message WHERE gateway_message_id = :id").bind("id", "gw-0001")
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
        assertThat(sms.findByGatewayMessageId(SmsDirection.IN, "gw-0001")).get().satisfies(message -> {
            assertThat(message.direction()).isEqualTo(SmsDirection.IN);
            assertThat(message.status()).isEqualTo(SmsStatus.RECEIVED);
            assertThat(message.phoneNumber()).isEqualTo("+8613955550001");
            assertThat(message.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void shouldNotSwallowAFailureThatIsNotADuplicate() {
        // given a body longer than the column
        SmsDao sms = DB.jdbi().onDemand(SmsDao.class);
        String tooLong = "x".repeat(2_001);

        // then the error propagates rather than reading as "already recorded"
        assertThatThrownBy(() -> sms.recordInbound("gw-0002", "13955550002", tooLong, T0))
                .isInstanceOf(JdbiException.class);
        assertThat(sms.findByGatewayMessageId(SmsDirection.IN, "gw-0002")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> sms.recordInbound("gw-0003", "SPAMCO", "hi", T0));
    }

    @Test
    void shouldProcessAnInboundMessageOnce() {
        SmsDao sms = DB.jdbi().onDemand(SmsDao.class);
        sms.recordInbound("gw-0010", "13955550010", "DONE", T0);
        long id = sms.findByGatewayMessageId(SmsDirection.IN, "gw-0010").orElseThrow().id();

        assertThat(sms.markRejected(id, "no open dispatch order", T0.plusSeconds(1))).isTrue();
        assertThat(sms.markAccepted(id, null, null, T0.plusSeconds(2))).isFalse();

        assertThat(sms.findByGatewayMessageId(SmsDirection.IN, "gw-0010")).get().satisfies(message -> {
            assertThat(message.status()).isEqualTo(SmsStatus.REJECTED);
            assertThat(message.error()).isEqualTo("no open dispatch order");
            assertThat(message.processedAt()).isEqualTo(T0.plusSeconds(1));
        });
    }

    @Test
    void shouldQueueThenSendThenFailAnOutboundMessage() {
        // given a queued message
        SmsDao sms = DB.jdbi().onDemand(SmsDao.class);
        long id = sms.queueOutbound("139-5555-0020", "Dispatch 7: ACME, 1 Site Road", null, null, T0);
        assertThat(sms.listQueued(10)).extracting(SmsMessageRow::id).contains(id);

        // when the sender sends it, twice by mistake, then the gateway reports failure
        boolean sent = sms.markSent(id, "gw-out-1", T0.plusSeconds(1));
        boolean sentAgain = sms.markSent(id, "gw-out-2", T0.plusSeconds(2));
        boolean failed = sms.markFailed(id, "handset unreachable", T0.plusSeconds(60));

        // then
        assertThat(sent).isTrue();
        assertThat(sentAgain).isFalse();
        assertThat(failed).isTrue();
        assertThat(sms.listQueued(10)).extracting(SmsMessageRow::id).doesNotContain(id);
        assertThat(sms.findByGatewayMessageId(SmsDirection.OUT, "gw-out-1")).get().satisfies(message -> {
            assertThat(message.direction()).isEqualTo(SmsDirection.OUT);
            assertThat(message.status()).isEqualTo(SmsStatus.FAILED);
            assertThat(message.phoneNumber()).isEqualTo("13955550020");
            assertThat(message.error()).isEqualTo("handset unreachable");
        });
        assertThat(sms.markFailed(id, "again", T0.plusSeconds(61))).isFalse();
    }
}
