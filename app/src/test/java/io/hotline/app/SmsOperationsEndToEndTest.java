package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.dao.SmsStatus;
import io.hotline.persistence.field.SmsMessages;
import io.hotline.persistence.field.SmsRow;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.sms.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An assembled Hotline with the webhook's secret: an SMS it queues goes out through the file gateway, the gateway's
 * signed receipt marks it delivered (once; an unknown id changes nothing), an engineer's text is counted by what
 * became of it, and /metrics and /health show all of it.
 */
class SmsOperationsEndToEndTest {
    private static final String SECRET = "sms-operations-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRecordTheGatewaysReceiptAndCountSmsInAndOut() throws Exception {
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_SMS_WEBHOOK_SECRET", SECRET,
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("sms-operations")))))) {
            URI base = URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort());
            SmsMessages messages = new SmsMessages(hotline.database().jdbi());

            // given an SMS queued about order 9001, sent through the file gateway as file-<id>
            assertThat(messages.queue(9001, "reply-e2e-1", "+8613800000000", "Hotline: e2e", Instant.now()))
                    .isTrue();
            await().atMost(PATIENCE).until(() -> messages.ofWorkOrder(9001).get(0).status() == SmsStatus.SENT);
            SmsRow sent = messages.ofWorkOrder(9001).get(0);
            assertThat(sent.gatewayMessageId()).isEqualTo("file-" + sent.id());

            // when the gateway's receipt says delivered, twice, and one names no message
            HttpResponse<String> delivered = post(base, "/sms/status", "{\"id\":\"" + sent.gatewayMessageId()
                    + "\",\"status\":\"DELIVERED\"}");
            HttpResponse<String> again = post(base, "/sms/status", "{\"id\":\"" + sent.gatewayMessageId()
                    + "\",\"status\":\"expired\"}");
            HttpResponse<String> unknown = post(base, "/sms/status", "{\"id\":\"gw-nobody\",\"status\":\"failed\"}");

            // then it is delivered, once; the unknown id is answered 200 unknown
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
            assertThat(delivered.body()).isEqualTo("{\"status\":\"recorded\"}");
            assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(unknown.body()).isEqualTo("{\"status\":\"unknown\"}");
            assertThat(messages.ofWorkOrder(9001)).extracting(SmsRow::status).containsExactly(SmsStatus.DELIVERED);

            // when an engineer's text is not understood
            HttpResponse<String> text = post(base, "/sms/inbound", "{\"id\":\"gw-e2e-in-1\","
                    + "\"from\":\"+8613800000000\",\"text\":\"hello\"}");
            assertThat(text.body()).contains("\"status\":\"refused\"");

            // then /metrics counts the SMS out (sent, delivered) and in (refused), and /health shows sms up
            await().atMost(PATIENCE).untilAsserted(() -> {
                String metrics = get(base, "/metrics");
                assertThat(metrics).containsPattern(
                        "hotline_sms_outbound_total\\{application=\"hotline\",outcome=\"sent\"} [1-9]");
                assertThat(metrics).contains(
                        "hotline_sms_outbound_total{application=\"hotline\",outcome=\"delivered\"} 1.0",
                        "hotline_sms_outbound_total{application=\"hotline\",outcome=\"undelivered\"} 0.0",
                        "hotline_sms_inbound_total{application=\"hotline\",outcome=\"refused\"} 1.0",
                        "hotline_sms_inbound_total{application=\"hotline\",outcome=\"accepted\"} 0.0");
                assertThat(get(base, "/health")).contains("\"sms\":{\"status\":\"UP\"", "\"gateway\":\"file\"");
            });
        }
    }

    private HttpResponse<String> post(URI base, String path, String body) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET.getBytes(
                        StandardCharsets.UTF_8), timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
