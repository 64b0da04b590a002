package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hotline.routing.spi.SmsGateway.Delivery;
import io.hotline.routing.spi.SmsGateway.Outbound;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP gateway against a loopback {@code com.sun.net.httpserver} playing the operator's gateway: what it sends
 * (headers, the template with escaped values) and how it reads the answers (2xx with or without an id, other
 * statuses, a gateway that does not answer in time, one that is not there), with the credentials never shown.
 */
class HttpSmsGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Hotline: order 123456 \"urgent\"\nsite: 上海市 徐汇区\t\\ & = ${to} </a> ✓";

    /** One request as the fake gateway received it. */
    private record Received(String method, String contentType, String authorization, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"id\":\"gw-77\"}";
    private volatile boolean stall;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/send", this::handle);
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (stall) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send");
    }

    @Test
    void shouldPostTheDefaultJsonTemplateWithABearerTokenAndTakeTheGatewaysId() throws Exception {
        // given
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), "tok-123", null, null, null,
                null, null));

        // when
        Delivery delivery = gateway.send(new Outbound(42, "+8613800000000", TEXT));

        // then the text arrives intact through JSON escaping, and the gateway's id comes back
        assertThat(delivery).isEqualTo(Delivery.sent("gw-77"));
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer tok-123");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body).hasSize(2);
        assertThat(body.get("to").asText()).isEqualTo("+8613800000000");
        assertThat(body.get("text").asText()).isEqualTo(TEXT);
    }

    @Test
    void shouldSendBasicCredentialsAndTakeANumericMessageId() {
        status = 202;
        answer = "{\"message_id\":991,\"queued\":true}";
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), null, "hotline", "pa:ss wörd",
                null, null, null));

        Delivery delivery = gateway.send(new Outbound(1, "13800000000", "ARRIVE"));

        assertThat(delivery).isEqualTo(Delivery.sent("991"));
        assertThat(received.get(0).authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "hotline:pa:ss wörd".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldCountA2xxWithoutAnIdAsSentWithNoId() {
        answer = "OK";
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsGatewayConfig.of(url()));

        assertThat(gateway.send(new Outbound(1, "13800000000", "x"))).isEqualTo(Delivery.sent(null));
        assertThat(received.get(0).authorization()).isNull();
    }

    @Test
    void shouldPercentEncodeValuesForAFormTemplateAndReplaceEachVariableOnce() {
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), null, null, null,
                "to=${to}&msg=${text}&ref=hotline-${id}", "application/x-www-form-urlencoded", null));

        gateway.send(new Outbound(7, "+8613800000000", TEXT));

        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : received.get(0).body().split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        assertThat(form).containsExactly(Map.entry("to", "+8613800000000"), Map.entry("msg", TEXT),
                Map.entry("ref", "hotline-7"));
        assertThat(received.get(0).contentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void shouldEscapeForXmlAndLeaveOtherMediaTypesAlone() {
        assertThat(SmsTemplate.render("<sms to=\"${to}\">${text}</sms>", "application/xml",
                Map.of("to", "\"1\"", "text", "a<b>&'c'\u0001", "id", "1")))
                .isEqualTo("<sms to=\"&quot;1&quot;\">a&lt;b&gt;&amp;&apos;c&apos;</sms>");
        assertThat(SmsTemplate.render("${to}: ${text}", "text/plain", Map.of("to", "1", "text", "a\"b", "id", "1")))
                .isEqualTo("1: a\"b");
        assertThat(SmsTemplate.render("{\"t\":\"${text}\"}", "application/vnd.gw+json; charset=utf-8",
                Map.of("to", "", "text", "\u2028\ud800\u0000", "id", "1")))
                .isEqualTo("{\"t\":\"\\u2028\\ud800\\u0000\"}");
    }

    @Test
    void shouldFailWithTheStatusAndAShortReasonWithoutTheCredentials() {
        status = 500;
        answer = "internal error: token tok-secret-9 rejected " + "x".repeat(1000);
        HttpSmsGateway bearer = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), "tok-secret-9", null, null, null,
                null, null));

        Delivery delivery = bearer.send(new Outbound(1, "13800000000", "x"));

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.gatewayId()).isNull();
        assertThat(delivery.error()).startsWith("gateway answered 500: internal error: token *** rejected")
                .doesNotContain("tok-secret-9").hasSizeLessThanOrEqualTo(303);
    }

    @Test
    void shouldFailOnA4xxWithAnEmptyBody() {
        status = 401;
        answer = "";
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), null, "u", "p4ss-word", null,
                null, null));

        assertThat(gateway.send(new Outbound(1, "13800000000", "x"))).isEqualTo(Delivery.failed("gateway answered"
                + " 401"));
    }

    @Test
    void shouldFailWithinItsTimeoutWhenTheGatewayDoesNotAnswer() {
        stall = true;
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(url(), null, null, null, null, null,
                Duration.ofMillis(300)));
        long started = System.nanoTime();

        Delivery delivery = gateway.send(new Outbound(1, "13800000000", "x"));

        assertThat(delivery).isEqualTo(Delivery.failed("timed out after 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldFailWhenNoGatewayListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGatewayConfig(URI.create("http://127.0.0.1:"
                + closedPort + "/send"), null, null, null, null, null, Duration.ofSeconds(2)));

        Delivery delivery = gateway.send(new Outbound(1, "13800000000", "x"));

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.error()).isEqualTo("could not connect to the gateway");
    }

    @Test
    void shouldReadAtMost64KibOfAHugeAnswer() {
        answer = "{\"id\":\"" + "9".repeat(2_000_000) + "\"}";

        Delivery delivery = new HttpSmsGateway(HttpSmsGatewayConfig.of(url())).send(new Outbound(1, "138000", "x"));

        // Cut at 64 KiB the answer is no JSON, so no id; the message was taken all the same.
        assertThat(delivery).isEqualTo(Delivery.sent(null));
    }

    @Test
    void shouldNeverShowTheTokenOrPassword() {
        HttpSmsGatewayConfig bearer = new HttpSmsGatewayConfig(url(), "tok-secret-9", null, null, null, null, null);
        HttpSmsGatewayConfig basic = new HttpSmsGatewayConfig(url(), null, "hotline", "pw-secret-9", null, null, null);

        assertThat(bearer.toString()).doesNotContain("tok-secret-9").contains("(hidden)");
        assertThat(new HttpSmsGateway(bearer).toString()).doesNotContain("tok-secret-9");
        assertThat(basic.toString()).doesNotContain("pw-secret-9").contains("user=hotline");
    }

    @Test
    void shouldFailFastOnBadSettingsNamingThem() {
        URI url = url();
        assertThatThrownBy(() -> new HttpSmsGatewayConfig(url, "t", "u", "p", null, null, null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new HttpSmsGatewayConfig(url, null, "u", null, null, null, null))
                .hasMessageContaining("HOTLINE_SMS_GATEWAY_PASSWORD");
        assertThatThrownBy(() -> HttpSmsGatewayConfig.of(URI.create("http://u:secret@127.0.0.1/send")))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret@");
        assertThatThrownBy(() -> HttpSmsGatewayConfig.of(URI.create("ftp://127.0.0.1/send")))
                .hasMessageContaining("HOTLINE_SMS_GATEWAY_URL");
        assertThatThrownBy(() -> new HttpSmsGatewayConfig(url, null, null, null, "{\"to\":\"${phone}\"}", null, null))
                .hasMessageContaining("HOTLINE_SMS_GATEWAY_TEMPLATE").hasMessageContaining("${phone}");
        assertThatThrownBy(() -> new HttpSmsGatewayConfig(url, null, null, null, "${text", null, null))
                .hasMessageContaining("HOTLINE_SMS_GATEWAY_TEMPLATE");
        assertThat(HttpSmsGatewayConfig.of(url).template()).isEqualTo("{\"to\":\"${to}\",\"text\":\"${text}\"}");
        assertThat(HttpSmsGatewayConfig.of(url).contentType()).isEqualTo("application/json");
        assertThat(HttpSmsGatewayConfig.of(url).timeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
