package io.hotline.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.http.HttpReply;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The console's error replies (docs/api.md's one shape) and request bodies. Stateless, thread-safe: the
 * {@link ObjectMapper} is configured once and only read.
 */
final class ConsoleReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsoleReplies() {
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
                "Hotline is still loading its dispatch orders; try again.");
    }

    /** When the desk or the database cannot take the request now. */
    static HttpReply busy() {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                "Hotline cannot take this request right now; try again.");
    }

    static CompletionStage<HttpReply> now(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** The body as a JSON object: empty body is an empty object; anything else not an object is empty (400). */
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

    /** Whether the field is absent, null or a string (anything else is a 400). */
    static boolean isText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isTextual();
    }

    /** A non-blank text field, trimmed, or empty (absent, null, blank or not a string). */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().trim());
    }

    /** Whether the field is absent or JSON null. */
    static boolean absent(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull();
    }
}
