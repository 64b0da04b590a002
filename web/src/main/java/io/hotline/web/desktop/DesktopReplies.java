package io.hotline.web.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.http.HttpReply;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The desktop API's error replies (docs/api.md's one shape) and request bodies. Stateless, thread-safe: the
 * {@link ObjectMapper} is configured once and only read.
 */
final class DesktopReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DesktopReplies() {
    }

    static HttpReply badRequest(String message) {
        return HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request", message);
    }

    static HttpReply forbidden(String message) {
        return HttpReply.error(HttpResponseStatus.FORBIDDEN, "forbidden", message);
    }

    static HttpReply notFound(String message) {
        return HttpReply.error(HttpResponseStatus.NOT_FOUND, "not_found", message);
    }

    static HttpReply refused(String reason) {
        return HttpReply.error(HttpResponseStatus.CONFLICT, "refused", reason);
    }

    static HttpReply starting() {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                "Hotline is still loading its work orders; try again.");
    }

    /** When an engine cannot take the request now (its inbox is full, it is stopping). */
    static HttpReply busy() {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                "Hotline cannot take this request right now; try again.");
    }

    static CompletionStage<HttpReply> now(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /**
     * The request body as a JSON object: an empty body is an empty object; anything else that is not a JSON object
     * is empty (the caller answers 400).
     */
    static Optional<JsonNode> object(byte[] body) {
        if (body.length == 0) {
            return Optional.of(MAPPER.createObjectNode());
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            // Not JSON (Jackson's parse errors are IOExceptions).
            return Optional.empty();
        }
    }

    /**
     * A text field: empty when absent or JSON null; {@code null} inside the optional is never returned.
     *
     * @return the text, or empty; a field of another type than a string is reported by {@link #isText}
     */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Whether the field is absent, null or a string (anything else is a 400). */
    static boolean isText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isTextual();
    }

    /** A required non-blank text field, or empty. */
    static Optional<String> required(JsonNode body, String field) {
        return text(body, field).filter(value -> !value.isBlank());
    }
}
