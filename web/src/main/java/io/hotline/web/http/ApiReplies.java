package io.hotline.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The people's API's error replies (docs/api.md's one shape, {@code {"error","message"}}) and the reading of their
 * JSON request bodies, shared by the desktop's and the console's routes. Stateless, thread-safe: the
 * {@link ObjectMapper} is configured once and only read.
 */
public final class ApiReplies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiReplies() {
    }

    /** 400 {@code bad_request}. */
    public static HttpReply badRequest(String message) {
        return HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request", message);
    }

    /** 403 {@code forbidden}. */
    public static HttpReply forbidden(String message) {
        return HttpReply.error(HttpResponseStatus.FORBIDDEN, "forbidden", message);
    }

    /** 404 {@code not_found}. */
    public static HttpReply notFound(String message) {
        return HttpReply.error(HttpResponseStatus.NOT_FOUND, "not_found", message);
    }

    /** 409 {@code refused}: an engine's refusal, in its words. */
    public static HttpReply refused(String reason) {
        return HttpReply.error(HttpResponseStatus.CONFLICT, "refused", reason);
    }

    /** 503 {@code starting}: what the routes serve is still loading ({@code what}, e.g. "its work orders"). */
    public static HttpReply starting(String what) {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                "Hotline is still loading " + what + "; try again.");
    }

    /** 503 {@code starting}: an engine or the database cannot take the request now (an inbox full, stopping). */
    public static HttpReply busy() {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                "Hotline cannot take this request right now; try again.");
    }

    /** {@code reply}, answered at once. */
    public static CompletionStage<HttpReply> now(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /**
     * The request body as a JSON object: an empty body is an empty object; anything else that is not a JSON object
     * is empty (the caller answers 400).
     */
    public static Optional<JsonNode> object(byte[] body) {
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
    public static boolean isText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isTextual();
    }

    /** Whether the field is absent or JSON null. */
    public static boolean absent(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull();
    }
}
