package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /sms/inbound} under random and mutated requests over a real loopback socket: signed messages with
 * random fields, valid requests changed after signing (body bytes, timestamp, signature, headers), random bodies,
 * and raw HTTP with random header bytes. Whatever arrives: never a 5xx, never a hang (each request is bounded),
 * every refusal a JSON error with a message, every 200 an answer of the inbox, and the inbox handed only messages
 * signed with the secret over exactly the bytes sent. Seeded ({@code -Dsms.fuzz.seed=N} repeats a run; the seed
 * is in every failure message); 2,000 requests.
 */
class SmsWebhookFuzzTest {
    private static final byte[] SECRET = SmsWebhookRoutesTest.SECRET;
    private static final Instant NOW = SmsWebhookRoutesTest.NOW;
    private static final int REQUESTS = 1_800;
    private static final int RAW_REQUESTS = 200;
    private static final int MAX_BODY = 4096;
    private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 405, 413, 415, 431);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/xml", "",
            "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data; boundary=zz");

    private final long seed = Long.getLong("sms.fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final FakeSmsInbox inbox = new FakeSmsInbox();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private InetSocketAddress address;
    /** Whether the request being made has only well-formed fields (a third of them), so the inbox is reached. */
    private boolean clean;

    /** One request as sent, and whether it was signed with the secret over exactly its body and timestamp. */
    private record Sent(String contentType, byte[] body, String timestamp, String signature, boolean signedRight) {
    }

    @BeforeEach
    void start() {
        HttpRoutes routes = SmsWebhookRoutes.register(HttpRoutes.builder(), new SmsWebhookConfig(SECRET,
                Duration.ofSeconds(300), MAX_BODY), inbox, InstantSource.fixed(NOW)).build();
        server = new HttpServer(new WebConfig("127.0.0.1", 0, 64 * 1024), routes, request -> Optional.empty(),
                HttpRequestObserver.NO_OP);
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerEveryRandomOrMutatedRequestWithAReasonAndHandTheInboxOnlySignedOnes() throws Exception {
        int accepted = 0;
        for (int i = 0; i < REQUESTS; i++) {
            // given a request, signed right or not
            Sent sent = request();
            int before = inbox.received.size();

            // when
            HttpResponse<String> response = send(sent);

            // then
            String context = "seed " + seed + ", request " + i + ": " + describe(sent) + " -> " + response.statusCode()
                    + " " + response.body();
            assertAnswer(response.statusCode(), response.body(), context);
            int handed = inbox.received.size() - before;
            assertThat(handed).as(context).isLessThanOrEqualTo(sent.signedRight() ? 1 : 0);
            assertThat(response.statusCode() == 200).as(context).isEqualTo(handed == 1);
            accepted += handed;
        }
        // The generator must reach the inbox, not only the refusals: about a fifth of its requests do.
        assertThat(accepted).as("seed %d: requests the inbox took", seed).isGreaterThan(REQUESTS / 10);
    }

    @Test
    void shouldAnswerRawHttpWithRandomHeaderBytesWithoutA5xxOrAHang() throws Exception {
        for (int i = 0; i < RAW_REQUESTS; i++) {
            byte[] request = rawRequest();
            String context = "seed " + seed + ", raw request " + i + ": "
                    + new String(request, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");

            String response = exchangeRaw(request);

            int headersEnd = response.indexOf("\r\n\r\n");
            assertThat(headersEnd).as(context + " -> " + response).isPositive();
            int status = Integer.parseInt(response.substring(9, 12));
            assertAnswer(status, response.substring(headersEnd + 4), context + " -> " + response);
        }
        assertThat(inbox.received).as("seed %d: messages from unsigned raw requests", seed).isEmpty();
    }

    private static void assertAnswer(int status, String body, String context) throws IOException {
        assertThat(STATUSES).as(context).contains(status);
        JsonNode json = JSON.readTree(body);
        assertThat(json).as(context).isNotNull();
        if (status == 200) {
            assertThat(json.get("status").asText()).as(context).isIn("accepted", "refused", "duplicate");
            assertThat(json.get("reply").isTextual()).as(context).isTrue();
        } else {
            assertThat(json.get("error").asText()).as(context).matches("[a-z_]+");
            assertThat(json.get("message").asText()).as(context).isNotBlank();
            assertThat(body).as(context).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
        }
    }

    private Sent request() {
        clean = random.nextInt(3) == 0;
        String contentType = random.nextInt(4) == 0 ? pick(CONTENT_TYPES)
                : random.nextBoolean() ? "application/json" : "application/x-www-form-urlencoded";
        byte[] body = switch (clean ? 9 : random.nextInt(8)) {
            case 0 -> randomBytes(random.nextInt(random.nextInt(10) == 0 ? MAX_BODY + 200 : 200));
            case 1 -> randomText(random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
            default -> contentType.toLowerCase().contains("json") ? jsonBody() : formBody();
        };
        long timestamp = NOW.getEpochSecond() + (random.nextInt(5) == 0 ? random.nextInt(1400) - 700
                : random.nextInt(200) - 100);
        String stamp = Long.toString(timestamp);
        String signature = WebhookSignature.sign(SECRET, timestamp, body);
        boolean right = Math.abs(timestamp - NOW.getEpochSecond()) <= 300;
        if (random.nextInt(3) == 0) {
            return mutate(new Sent(contentType, body, stamp, signature, right));
        }
        return new Sent(contentType, body, stamp, signature, right);
    }

    /** A valid request changed in one way after signing; still "signed right" only when the change is a no-op. */
    private Sent mutate(Sent sent) {
        byte[] body = sent.body();
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                if (body.length == 0) {
                    return new Sent(sent.contentType(), new byte[] {'x'}, sent.timestamp(), sent.signature(), false);
                }
                byte[] flipped = body.clone();
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                return new Sent(sent.contentType(), flipped, sent.timestamp(), sent.signature(), false);
            }
            case 2 -> {
                byte[] longer = Arrays.copyOf(body, body.length + 1);
                longer[body.length] = (byte) random.nextInt(256);
                return new Sent(sent.contentType(), longer, sent.timestamp(), sent.signature(), false);
            }
            case 3 -> {
                String stamp = sent.timestamp();
                String other = random.nextBoolean() ? Long.toString(Long.parseLong(stamp) + 1 + random.nextInt(50))
                        : randomPrintable(random.nextInt(14));
                return new Sent(sent.contentType(), body, other, sent.signature(), other.strip().equals(stamp)
                        && sent.signedRight());
            }
            case 4 -> {
                char[] signature = sent.signature().toCharArray();
                int at = random.nextInt(signature.length);
                signature[at] = (char) (0x21 + random.nextInt(0x5e));
                String changed = new String(signature);
                boolean same = changed.equalsIgnoreCase(sent.signature());
                return new Sent(sent.contentType(), body, sent.timestamp(), changed, same && sent.signedRight());
            }
            case 5 -> {
                return new Sent(sent.contentType(), body, null, sent.signature(), false);
            }
            case 6 -> {
                return new Sent(sent.contentType(), body, sent.timestamp(), null, false);
            }
            case 7 -> {
                return new Sent(sent.contentType(), body, sent.timestamp(),
                        WebhookSignature.sign("not-the-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                                Long.parseLong(sent.timestamp()), body), false);
            }
            default -> {
                // Another media type: the signature still holds, the body may no longer be read.
                return new Sent(pick(CONTENT_TYPES), body, sent.timestamp(), sent.signature(), sent.signedRight());
            }
        }
    }

    private byte[] jsonBody() {
        List<String> fields = new ArrayList<>();
        maybe(fields, "id", jsonValue(id()));
        maybe(fields, "from", jsonValue(from()));
        maybe(fields, "text", jsonValue(text()));
        if (random.nextBoolean()) {
            fields.add("\"sent_at\":" + jsonValue(sentAt()));
        }
        if (!clean && random.nextInt(10) == 0) {
            fields.add("\"id\":\"again\"");
        }
        Collections.shuffle(fields, random);
        String json = "{" + String.join(",", fields) + "}";
        if (!clean && random.nextInt(20) == 0) {
            json = json + pick(List.of("}", " x", ",", "]"));
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private void maybe(List<String> fields, String name, String value) {
        if (clean || random.nextInt(15) != 0) {
            fields.add("\"" + name + "\":" + value);
        }
    }

    private String jsonValue(String text) {
        return switch (clean ? 11 : random.nextInt(12)) {
            case 0 -> Integer.toString(random.nextInt(1_000_000));
            case 1 -> "null";
            case 2 -> "[" + random.nextInt(9) + "]";
            case 3 -> "1.5";
            default -> "\"" + jsonEscape(text) + "\"";
        };
    }

    private String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || random.nextInt(20) == 0) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private byte[] formBody() {
        List<String> fields = new ArrayList<>();
        for (String[] field : new String[][] {{"id", id()}, {"from", from()}, {"text", text()}}) {
            if (clean || random.nextInt(15) != 0) {
                fields.add(field[0] + "=" + formEscape(field[1]));
            }
        }
        if (random.nextBoolean()) {
            fields.add("sent_at=" + formEscape(sentAt()));
        }
        if (!clean && random.nextInt(10) == 0) {
            fields.add("text=" + formEscape(text()));
        }
        if (!clean && random.nextInt(10) == 0) {
            fields.add(pick(List.of("%", "%G1", "a=%E6%9", "&&", "=", "x")));
        }
        Collections.shuffle(fields, random);
        return String.join("&", fields).getBytes(StandardCharsets.UTF_8);
    }

    private String formEscape(String value) {
        return !clean && random.nextInt(10) == 0 ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String id() {
        return switch (clean ? 9 : random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "i".repeat(120 + random.nextInt(20));
            case 2 -> "gw\u0001" + random.nextInt(100);
            case 3 -> randomText(10);
            default -> "gw-" + random.nextInt(600);
        };
    }

    private String from() {
        return switch (clean ? 9 : random.nextInt(10)) {
            case 0 -> "HOTLINE";
            case 1 -> "";
            case 2 -> randomText(8);
            case 3 -> "+86 (138) 0000-" + random.nextInt(10_000);
            case 4 -> "1".repeat(1 + random.nextInt(25));
            default -> "+86138" + (10_000_000 + random.nextInt(89_999_999));
        };
    }

    private String text() {
        return switch (clean ? 9 : random.nextInt(10)) {
            case 0 -> randomText(random.nextInt(80));
            case 1 -> "x".repeat(1990 + random.nextInt(20));
            case 2 -> "完成 " + random.nextInt(1_000_000) + " 更换了水泵\ud800";
            case 3 -> "";
            case 4 -> "DONE " + random.nextInt(1_000_000) + " fixed\u0000";
            default -> pick(List.of("ARRIVE ", "DONE ", "到达", "完成 ", "arrive ")) + random.nextInt(1_000_000)
                    + (random.nextBoolean() ? "" : " replaced the pump");
        };
    }

    private String sentAt() {
        return switch (clean ? 6 : random.nextInt(7)) {
            case 0 -> "yesterday";
            case 1 -> Long.toString(NOW.getEpochSecond() - random.nextInt(100_000));
            case 2 -> NOW.plusSeconds(random.nextInt(2_000) - 1_000).toString();
            case 3 -> "-1";
            case 4 -> "2026-12-07T17:15:00+08:00";
            case 5 -> "9".repeat(random.nextInt(20) + 1);
            default -> NOW.minusSeconds(random.nextInt(3_600)).toString();
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) (0x4e00 + random.nextInt(0x5000));
                case 2 -> (char) (0xd800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private String randomPrintable(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private HttpResponse<String> send(Sent sent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                        + SmsWebhookRoutes.PATH)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        if (!sent.contentType().isEmpty()) {
            request.header("Content-Type", sent.contentType());
        }
        if (sent.timestamp() != null && !sent.timestamp().isEmpty()) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, sent.timestamp());
        }
        if (sent.signature() != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, sent.signature());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(Sent sent) {
        String body = new String(sent.body(), StandardCharsets.UTF_8);
        return sent.contentType() + ", ts " + sent.timestamp() + ", " + (sent.signedRight() ? "signed" : "unsigned")
                + ", body " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }

    private byte[] rawRequest() {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] body = random.nextBoolean() ? jsonBody() : randomBytes(random.nextInt(100));
        String head = "POST " + (random.nextInt(10) == 0 ? "/sms/inbound?x=%zz" : SmsWebhookRoutes.PATH)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n";
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        int headers = random.nextInt(5);
        for (int i = 0; i < headers; i++) {
            String name = pick(List.of(WebhookSignature.TIMESTAMP_HEADER, WebhookSignature.SIGNATURE_HEADER,
                    "Content-Type", "X-Junk"));
            request.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
            byte[] value = randomBytes(random.nextInt(random.nextInt(20) == 0 ? 20_000 : 80));
            for (int j = 0; j < value.length; j++) {
                // Mostly header-legal bytes, some CR, LF and NUL to break the framing.
                if (random.nextInt(30) != 0) {
                    value[j] = (byte) (0x20 + Math.floorMod(value[j], 0x5f));
                }
            }
            request.writeBytes(value);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** Sends {@code request} on its own connection and reads until the server closes it (5 s at most). */
    private String exchangeRaw(byte[] request) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading everything (a 431 for huge headers).
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
