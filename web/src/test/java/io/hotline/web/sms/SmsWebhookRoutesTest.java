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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /sms/inbound} over a real loopback server with a fake inbox: what a correctly signed request becomes,
 * every way a request is refused and the reason it is given, and that nothing unsigned reaches the inbox.
 */
class SmsWebhookRoutesTest {
    static final byte[] SECRET = "demo-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-12-07T09:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final String ARRIVE = "{\"id\":\"gw-1001\",\"from\":\"+86 138-0000-0000\","
            + "\"text\":\"ARRIVE 123456\","
            + "\"sent_at\":\"2026-12-07T09:14:58Z\"}";

    private final FakeSmsInbox inbox = new FakeSmsInbox();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private URI uri;

    private void start(SmsWebhookConfig config) {
        HttpRoutes routes = SmsWebhookRoutes.register(HttpRoutes.builder(), config, inbox, InstantSource.fixed(NOW))
                .build();
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes, request -> Optional.empty(),
                HttpRequestObserver.NO_OP);
        InetSocketAddress address = server.start();
        uri = URI.create("http://127.0.0.1:" + address.getPort() + SmsWebhookRoutes.PATH);
    }

    private void start() {
        start(SmsWebhookConfig.of(SECRET));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldHandTheInboxASignedJsonMessageAndAnswerWithItsVerdict() throws Exception {
        // given
        start();

        // when
        HttpResponse<String> response = post(JSON_TYPE, ARRIVE);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"accepted\",\"reply\":\"Hotline: got it, ARRIVE 123456\"}"));
        assertThat(inbox.received).containsExactly(new InboundSms("gw-1001", "+8613800000000", "ARRIVE 123456",
                Instant.parse("2026-12-07T09:14:58Z")));
    }

    @Test
    void shouldReadAFormBodyInUtf8WithSentAtInUnixSecondsOrNow() throws Exception {
        start();

        HttpResponse<String> done = post(FORM_TYPE, "id=gw-1002&from=%2B8613800000000&text=DONE+123456+"
                + "%E6%9B%B4%E6%8D%A2%E4%BA%86%E6%B0%B4%E6%B3%B5&sent_at=1796634890&extra=ignored");
        HttpResponse<String> noTime = post(FORM_TYPE + "; charset=UTF-8", "from=13800000000&id=7&text=hello");
        HttpResponse<String> semicolon = post(FORM_TYPE + "; charset=\"utf8\"", "id=8&from=13800000000&text=a;b");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(done.body()).get("status").asText()).isEqualTo("accepted");
        assertThat(JSON.readTree(noTime.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"refused\",\"reply\":\"Hotline: not understood.\"}"));
        assertThat(inbox.received).containsExactly(
                new InboundSms("gw-1002", "+8613800000000", "DONE 123456 更换了水泵", Instant.ofEpochSecond(1796634890)),
                new InboundSms("7", "13800000000", "hello", NOW), new InboundSms("8", "13800000000", "a;b", NOW));
        assertThat(semicolon.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPassADuplicateThrough() throws Exception {
        start();

        HttpResponse<String> first = post(JSON_TYPE, ARRIVE);
        HttpResponse<String> again = post(JSON_TYPE, ARRIVE);

        assertThat(JSON.readTree(first.body()).get("status").asText()).isEqualTo("accepted");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"status\":\"duplicate\",\"reply\":\"\"}"));
    }

    @Test
    void shouldTakeJsonNumbersForIdFromAndSentAt() throws Exception {
        start();

        HttpResponse<String> response = post(JSON_TYPE,
                "{\"id\":987654321,\"from\":8613800000000,\"text\":\"ARRIVE 5\",\"sent_at\":1796634000}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.received).containsExactly(new InboundSms("987654321", "8613800000000", "ARRIVE 5",
                Instant.ofEpochSecond(1796634000)));
    }

    @Test
    void shouldRefuseABodyChangedAfterSigningOrSignedWithAnotherSecret() throws Exception {
        start();
        long timestamp = NOW.getEpochSecond();
        String signed = WebhookSignature.sign(SECRET, timestamp, ARRIVE.getBytes(StandardCharsets.UTF_8));
        String other = WebhookSignature.sign("another-secret-0123456789".getBytes(StandardCharsets.UTF_8), timestamp,
                ARRIVE.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> changed = send(JSON_TYPE, ARRIVE.replace("123456", "123457"), "" + timestamp, signed);
        HttpResponse<String> otherSecret = send(JSON_TYPE, ARRIVE, "" + timestamp, other);
        HttpResponse<String> otherTimestamp = send(JSON_TYPE, ARRIVE, "" + (timestamp + 1), signed);

        for (HttpResponse<String> response : List.of(changed, otherSecret, otherTimestamp)) {
            assertError(response, 401, "bad_signature", "does not match");
        }
        assertThat(inbox.received).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] timestamp={0} signature={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                  | VALID                | missing_signature | X-Hotline-Timestamp",
        "''                    | VALID                | missing_signature | X-Hotline-Timestamp",
        "NOW                   | NULL                 | missing_signature | X-Hotline-Signature",
        "soon                  | VALID                | bad_signature     | unix seconds",
        "-1796634900           | VALID                | bad_signature     | unix seconds",
        "1796634900.5          | VALID                | bad_signature     | unix seconds",
        "1234567890123         | VALID                | bad_signature     | unix seconds",
        "NOW                   | sha1=abc             | bad_signature     | 64 hex digits",
        "NOW                   | UNPREFIXED           | bad_signature     | 64 hex digits",
        "NOW                   | SHORT                | bad_signature     | 64 hex digits",
        "NOW                   | NONHEX               | bad_signature     | 64 hex digits",
    })
    void shouldSayWhichHeaderIsMissingOrMalformed(String timestamp, String signature, String error, String says)
            throws Exception {
        start();
        byte[] body = ARRIVE.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(NOW.getEpochSecond());
        String stamp = "NOW".equals(timestamp) ? now : timestamp;
        String valid = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), body);
        String header = signature == null ? null : switch (signature) {
            case "VALID" -> valid;
            case "UNPREFIXED" -> valid.substring("sha256=".length());
            case "SHORT" -> valid.substring(0, valid.length() - 2);
            case "NONHEX" -> valid.substring(0, valid.length() - 1) + "g";
            default -> signature;
        };

        HttpResponse<String> response = send(JSON_TYPE, ARRIVE, stamp, header);

        assertError(response, 401, error, says);
        assertThat(inbox.received).isEmpty();
    }

    @Test
    void shouldTakeUpperCaseHexAndTimestampsAtTheEdgesOfTheWindow() throws Exception {
        start();
        byte[] body = ARRIVE.getBytes(StandardCharsets.UTF_8);
        long past = NOW.getEpochSecond() - 300;
        long future = NOW.getEpochSecond() + 300;

        HttpResponse<String> upper = send(JSON_TYPE, ARRIVE, "" + past,
                "SHA256=" + WebhookSignature.sign(SECRET, past, body).substring(7).toUpperCase());
        HttpResponse<String> ahead = send(JSON_TYPE, ARRIVE.replace("gw-1001", "gw-1003"), "" + future,
                WebhookSignature.sign(SECRET, future, ARRIVE.replace("gw-1001", "gw-1003")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(upper.statusCode()).isEqualTo(200);
        assertThat(ahead.statusCode()).isEqualTo(200);
        assertThat(inbox.received).hasSize(2);
    }

    @Test
    void shouldRefuseAStaleTimestampInThePastOrTheFutureSayingWhich() throws Exception {
        start();
        byte[] body = ARRIVE.getBytes(StandardCharsets.UTF_8);
        long past = NOW.getEpochSecond() - 301;
        long future = NOW.getEpochSecond() + 301;

        HttpResponse<String> old = send(JSON_TYPE, ARRIVE, "" + past, WebhookSignature.sign(SECRET, past, body));
        HttpResponse<String> ahead = send(JSON_TYPE, ARRIVE, "" + future, WebhookSignature.sign(SECRET, future, body));

        assertError(old, 401, "stale_timestamp", "older than the replay window");
        assertError(ahead, 401, "stale_timestamp", "future");
        assertThat(inbox.received).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                                  | Content-Type header is missing",
        "text/plain                            | not text/plain",
        "application/xml                       | not application/xml",
        "multipart/form-data; boundary=x       | not multipart/form-data",
        "application/json; charset=iso-8859-1  | UTF-8 only",
    })
    void shouldAnswer415ForAMediaTypeOtherThanJsonOrForm(String contentType, String says) throws Exception {
        start();

        HttpResponse<String> response = post(contentType, ARRIVE);

        assertError(response, 415, "unsupported_media_type", says);
        assertThat(inbox.received).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json | ''                                                          | The body is empty",
        "application/json | 'not json'                                                  | not valid JSON",
        "application/json | '{\"id\":\"1\",\"from\":\"13800000000\",\"text\":\"x\"} x'  | not valid JSON",
        "application/json | '{\"id\":\"1\",\"id\":\"2\",\"from\":\"138000\",\"text\":\"x\"}' | twice",
        "application/json | '[1,2]'                                                     | not a JSON object",
        "application/json | '{\"from\":\"13800000000\"}'                               | missing: id, text",
        "application/json | '{\"id\":\"1\",\"from\":\"13800000000\",\"text\":7}'       | must be a string.",
        "application/json | '{\"id\":1.5,\"from\":\"13800000000\",\"text\":\"x\"}'     | string or an integer",
        "application/json | '{\"id\":\" \",\"from\":\"13800000000\",\"text\":\"x\"}'   | must be 1 to 128",
        "application/json | '{\"id\":\"1\",\"from\":\"HOTLINE\",\"text\":\"x\"}'       | is not a phone number",
        "application/json | '{\"id\":\"1\",\"from\":\"138000\",\"text\":\"a\\u0000b\"}' | not valid Unicode",
        "application/json | '{\"id\":\"1\",\"from\":\"138000\",\"text\":\"\\ud800\"}'  | not valid Unicode",
        "application/json | '{\"id\":\"1\",\"from\":\"138000\",\"text\":\"x\",\"sent_at\":\"yesterday\"}' | neither",
        "application/json | '{\"id\":\"1\",\"from\":\"138000\",\"text\":\"x\",\"sent_at\":\"2026-12-07T09:30:00Z\"}' "
                + "| 900 s in the future",
        "application/x-www-form-urlencoded | 'id=1&from=138000&text=a&text=b'                  | given more than once",
        "application/x-www-form-urlencoded | 'id=1&from=138000&text=%E6%9'                     | malformed %-escape",
        "application/x-www-form-urlencoded | 'id=1&from=138000'                                | missing: text",
        "application/x-www-form-urlencoded | 'garbage'                                    | missing: id, from, text",
    })
    void shouldAnswer400SayingWhatIsWrongWithTheBody(String contentType, String body, String says) throws Exception {
        start();

        HttpResponse<String> response = post(contentType, body);

        assertError(response, 400, "bad_request", says);
        assertThat(inbox.received).isEmpty();
    }

    @Test
    void shouldRefuseATextOrIdLongerThanHotlineStores() throws Exception {
        start();

        HttpResponse<String> longText = post(JSON_TYPE, "{\"id\":\"1\",\"from\":\"138000\",\"text\":\""
                + "x".repeat(2001) + "\"}");
        HttpResponse<String> longId = post(JSON_TYPE, "{\"id\":\"" + "i".repeat(129)
                + "\",\"from\":\"138000\",\"text\":\"x\"}");
        HttpResponse<String> longest = post(JSON_TYPE, "{\"id\":\"" + "i".repeat(128)
                + "\",\"from\":\"138000\",\"text\":\"" + "完".repeat(2000) + "\"}");

        assertError(longText, 400, "bad_request", "longer than 2000 characters");
        assertError(longId, 400, "bad_request", "1 to 128 characters");
        assertThat(longest.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitWithoutCheckingIt() throws Exception {
        start(new SmsWebhookConfig(SECRET, Duration.ofSeconds(300), 1024));

        HttpResponse<String> response = post(JSON_TYPE, "{\"id\":\"1\",\"from\":\"138000\",\"text\":\""
                + "x".repeat(1024) + "\"}");

        assertError(response, 413, "too_large", "over 1024 bytes");
        assertThat(inbox.received).isEmpty();
    }

    @Test
    void shouldAnswer503WhenTheInboxFailsThrowsOrAnswersNothing() throws Exception {
        start();
        for (FakeSmsInbox.Mode mode : new FakeSmsInbox.Mode[] {FakeSmsInbox.Mode.FAIL, FakeSmsInbox.Mode.THROW,
            FakeSmsInbox.Mode.NULL}) {
            inbox.mode = mode;

            HttpResponse<String> response = post(JSON_TYPE, ARRIVE);

            assertError(response, 503, "unavailable", "deliver it again");
            assertThat(response.headers().firstValue("Retry-After")).as(mode.name()).contains("5");
        }
        assertThat(inbox.received).hasSize(3);
    }

    @Test
    void shouldAnswer503WhenTheInboxDoesNotAnswerInTimeAndLeaveItsFutureAlone() throws Exception {
        start(new SmsWebhookConfig(SECRET, Duration.ofSeconds(300), 4096, Duration.ofMillis(200)));
        inbox.mode = FakeSmsInbox.Mode.HANG;
        long started = System.nanoTime();

        HttpResponse<String> response = post(JSON_TYPE, ARRIVE);

        assertError(response, 503, "unavailable", "deliver it again");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(inbox.hanging).hasSize(1);
        assertThat(inbox.hanging.get(0)).isNotDone();
    }

    @Test
    void shouldServeOnlyPost() throws Exception {
        start();

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void shouldNeverShowTheSecret() {
        SmsWebhookConfig config = SmsWebhookConfig.of(SECRET);

        assertThat(config.toString()).doesNotContain("demo-webhook-secret").contains("hidden");
        assertThat(new WebhookSignature(SECRET, Duration.ofSeconds(300), InstantSource.fixed(NOW)).toString())
                .doesNotContain("demo-webhook-secret");
        assertThat(config.secret()).isEqualTo(SECRET).isNotSameAs(config.secret());
    }

    /** Posts {@code body} signed now with the secret. */
    private HttpResponse<String> post(String contentType, String body) throws Exception {
        long timestamp = NOW.getEpochSecond();
        return send(contentType, body, Long.toString(timestamp),
                WebhookSignature.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String contentType, String body, String timestamp, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
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
}
