package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /sms/status} over a real loopback server with a fake port: a signed receipt in JSON or form reaches
 * the port and is answered with its outcome (an unknown id too, 200); a bad signature, a stale timestamp and a
 * status other than the five are refused before the port hears of them.
 */
class SmsReceiptRoutesTest {
    private static final byte[] SECRET = SmsWebhookRoutesTest.SECRET;
    private static final Instant NOW = SmsWebhookRoutesTest.NOW;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final String DELIVERED = "{\"id\":\"gw-out-1\",\"status\":\"delivered\","
            + "\"at\":\"2026-12-07T09:14:30Z\"}";

    private final FakeReceipts receipts = new FakeReceipts();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void start() {
        HttpRoutes routes = SmsReceiptRoutes.register(HttpRoutes.builder(), SmsWebhookConfig.of(SECRET), receipts,
                InstantSource.fixed(NOW)).build();
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes, request -> Optional.empty(),
                HttpRequestObserver.NO_OP);
        InetSocketAddress address = server.start();
        uri = URI.create("http://127.0.0.1:" + address.getPort() + SmsReceiptRoutes.PATH);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldHandTheRecordASignedJsonReceiptAndAnswerRecordedThenDuplicate() throws Exception {
        // given a sent message the gateway calls gw-out-1
        receipts.sent.put("gw-out-1", "SENT");

        // when its receipt comes, twice
        HttpResponse<String> first = post(JSON_TYPE, DELIVERED);
        HttpResponse<String> again = post(JSON_TYPE, DELIVERED);

        // then it is recorded once, then a duplicate
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"status\":\"recorded\"}"));
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"status\":\"duplicate\"}"));
        assertThat(receipts.received.get(0)).isEqualTo(new DeliveryReceipt("gw-out-1", "delivered", null,
                Instant.parse("2026-12-07T09:14:30Z")));
        assertThat(receipts.received.get(0).delivered()).isTrue();
    }

    @Test
    void shouldReadAFormReceiptWithTheStatusInAnyCaseTheErrorAndUnixSeconds() throws Exception {
        receipts.sent.put("gw-out-2", "SENT");

        HttpResponse<String> response = post(FORM_TYPE, "id=gw-out-2&status=UnDelivered&error=handset+off"
                + "&at=1796634000");
        HttpResponse<String> noTime = post(FORM_TYPE + "; charset=UTF-8", "id=gw-out-3&status=EXPIRED");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("recorded");
        DeliveryReceipt receipt = receipts.received.get(0);
        assertThat(receipt).isEqualTo(new DeliveryReceipt("gw-out-2", "undelivered", "handset off",
                Instant.ofEpochSecond(1796634000)));
        assertThat(receipt.delivered()).isFalse();
        assertThat(receipt.failure()).isEqualTo("undelivered: handset off");
        assertThat(receipts.received.get(1)).isEqualTo(new DeliveryReceipt("gw-out-3", "expired", null, NOW));
        assertThat(receipts.received.get(1).failure()).isEqualTo("expired");
    }

    @Test
    void shouldAnswer200UnknownForAnIdNoMessageHas() throws Exception {
        HttpResponse<String> response = post(JSON_TYPE, "{\"id\":\"gw-nobody\",\"status\":\"rejected\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"unknown\"}"));
        assertThat(receipts.sent).doesNotContainKey("gw-nobody");
    }

    @Test
    void shouldRefuseABadSignatureOrAStaleTimestampBeforeThePortHearsOfIt() throws Exception {
        byte[] body = DELIVERED.getBytes(StandardCharsets.UTF_8);
        long timestamp = NOW.getEpochSecond();
        long past = timestamp - 301;
        String other = WebhookSignature.sign("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                timestamp, body);

        HttpResponse<String> otherSecret = send(JSON_TYPE, DELIVERED, "" + timestamp, other);
        HttpResponse<String> changed = send(JSON_TYPE, DELIVERED.replace("delivered", "failed"), "" + timestamp,
                WebhookSignature.sign(SECRET, timestamp, body));
        HttpResponse<String> unsigned = send(JSON_TYPE, DELIVERED, null, null);
        HttpResponse<String> stale = send(JSON_TYPE, DELIVERED, "" + past, WebhookSignature.sign(SECRET, past, body));

        assertError(otherSecret, 401, "bad_signature", "does not match");
        assertError(changed, 401, "bad_signature", "does not match");
        assertError(unsigned, 401, "missing_signature", "X-Hotline-Timestamp");
        assertError(stale, 401, "stale_timestamp", "older than the replay window");
        assertThat(receipts.received).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "application/json | {\"id\":\"gw-1\",\"status\":\"read\"}      | must be one of delivered, failed,"
                + " undelivered, rejected, expired",
        "application/x-www-form-urlencoded | id=gw-1&status=          | must be one of delivered",
        "application/json | {\"id\":\"gw-1\"}                          | missing: status",
        "application/json | {\"status\":\"failed\"}                    | missing: id",
        "application/json | {\"id\":\"gw-1\",\"status\":1}             | 'status' must be a string.",
        "application/json | {\"id\":\"gw-1\",\"status\":\"failed\",\"at\":\"soon\"} | 'at' is neither",
        "application/json | {\"id\":\"gw-1\",\"status\":\"failed\",\"at\":\"2026-12-07T10:00:00Z\"} | in the future",
        "application/x-www-form-urlencoded | id=gw-1&status=failed&status=delivered | given more than once",
    })
    void shouldAnswer400SayingWhatIsWrongWithTheReceipt(String contentType, String body, String says)
            throws Exception {
        assertError(post(contentType, body), 400, "bad_request", says);
        assertThat(receipts.received).isEmpty();
    }

    @Test
    void shouldAnswer415ForAnotherMediaTypeAnd503WhenThePortFails() throws Exception {
        assertError(post("text/plain", DELIVERED), 415, "unsupported_media_type", "not text/plain");
        receipts.failing = true;

        HttpResponse<String> response = post(JSON_TYPE, DELIVERED);

        assertError(response, 503, "unavailable", "deliver it again");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        long timestamp = NOW.getEpochSecond();
        return send(contentType, body, Long.toString(timestamp),
                WebhookSignature.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String contentType, String body, String timestamp, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String says)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).contains(says);
    }

    /** The outbound messages by gateway id, in memory: a sent one takes its first receipt. */
    private static final class FakeReceipts implements SmsReceipts {
        final Map<String, String> sent = new ConcurrentHashMap<>();
        final List<DeliveryReceipt> received = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public CompletableFuture<Outcome> received(DeliveryReceipt receipt) {
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("database away"));
            }
            received.add(receipt);
            String status = sent.get(receipt.messageId());
            if (status == null) {
                return CompletableFuture.completedFuture(Outcome.UNKNOWN);
            }
            if (!status.equals("SENT")) {
                return CompletableFuture.completedFuture(Outcome.DUPLICATE);
            }
            sent.put(receipt.messageId(), receipt.status());
            return CompletableFuture.supplyAsync(() -> Outcome.RECORDED);
        }
    }
}
