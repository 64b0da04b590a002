package io.hotline.web.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.spi.SmsGateway;
import io.hotline.web.http.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each SMS as one HTTP POST to the operator's gateway ({@code HOTLINE_SMS_GATEWAY=http}): the body is the
 * configured template with the message's values escaped for its media type ({@link SmsTemplate}), with
 * {@code Authorization: Bearer} or {@code Basic} when configured. A 2xx answer is {@linkplain Delivery#sent sent},
 * with the gateway's id when its answer is a JSON object with {@code "id"} or {@code "message_id"}; any other status,
 * a timeout ({@link HttpSmsGatewayConfig#timeout()}, the whole exchange) or an I/O failure is
 * {@linkplain Delivery#failed failed} with the status or the kind of failure. At most 64 KiB of an answer is read.
 * <p>
 * Blocking; called on the {@code sms-sender} thread. Thread-safe (the JDK client is). The token and the password are
 * never logged, shown by {@link #toString()} or put in a failure's reason (a gateway that echoes them has them
 * masked).
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final int MAX_REASON = 300;
    private static final int MAX_GATEWAY_ID = 128;

    private final HttpSmsGatewayConfig config;
    private final HttpClient client;
    private final String authorization;

    /** A gateway for {@code config}, with its own JDK HTTP client (daemon threads). */
    public HttpSmsGateway(HttpSmsGatewayConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        // HTTP/1.1: no h2c upgrade attempt on plain http, which some gateways refuse.
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (config.token() != null) {
            authorization = "Bearer " + config.token();
        } else if (config.user() != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((config.user() + ":" + config.password())
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
    }

    @Override
    public Delivery send(Outbound sms) {
        String body = SmsTemplate.render(config.template(), config.contentType(),
                Map.of("to", sms.to(), "text", sms.body(), "id", Long.toString(sms.id())));
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", config.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new BoundedBody(MAX_ANSWER_BYTES));
        Delivery delivery;
        try {
            delivery = delivery(exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            delivery = Delivery.failed("timed out after " + config.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            delivery = Delivery.failed(reason(e.getCause()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            delivery = Delivery.failed("interrupted while sending");
        }
        LOG.debug("SMS {} to the HTTP gateway: {}", sms.id(), delivery.sent() ? "sent" : delivery.error());
        return delivery;
    }

    private Delivery delivery(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Delivery.sent(gatewayId(response.body()));
        }
        String excerpt = mask(new String(response.body(), StandardCharsets.UTF_8)).replaceAll("[\\p{Cntrl}\\s]+", " ")
                .strip();
        String reason = "gateway answered " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        return Delivery.failed(reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...");
    }

    /** The gateway's id of the message: {@code id} or {@code message_id} of a JSON object answer, else null. */
    private static String gatewayId(byte[] answer) {
        JsonNode root = Json.readTree(new String(answer, StandardCharsets.UTF_8)).orElse(null);
        if (root == null || !root.isObject()) {
            return null;
        }
        for (String field : new String[] {"id", "message_id"}) {
            JsonNode value = root.get(field);
            if (value != null && (value.isTextual() || value.isIntegralNumber())) {
                String id = value.asText();
                if (!id.isBlank() && id.length() <= MAX_GATEWAY_ID) {
                    return id;
                }
            }
        }
        return null;
    }

    private String reason(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + config.timeout().toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "could not connect to the gateway";
        }
        if (failure instanceof IOException) {
            return "I/O failure talking to the gateway (" + failure.getClass().getSimpleName() + ")";
        }
        return "could not send (" + (failure == null ? "unknown" : failure.getClass().getSimpleName()) + ")";
    }

    /** {@code text} with the credentials, should the gateway echo them, replaced by {@code ***}. */
    private String mask(String text) {
        String masked = text;
        for (String secret : new String[] {config.token(), config.password(), authorization}) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        if (authorization != null) {
            String credential = authorization.substring(authorization.indexOf(' ') + 1);
            masked = masked.replace(credential, "***");
        }
        return masked;
    }

    @Override
    public String toString() {
        return "HttpSmsGateway[" + config + "]";
    }
}
