package io.hotline.web.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A route's answer: status, body and extra headers. The dispatcher adds {@code Content-Length} and
 * {@code Connection}, and leaves the body out for {@code HEAD}. Immutable.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type, with charset
 * @param body        the body, sent as UTF-8
 * @param headers     further response headers, e.g. {@code Cache-Control}
 */
public record HttpReply(HttpResponseStatus status, String contentType, String body, Map<String, String> headers) {

    /** The media type of every JSON reply. */
    public static final String JSON = "application/json; charset=utf-8";

    public HttpReply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** {@code value} serialized as JSON. */
    public static HttpReply json(HttpResponseStatus status, Object value) {
        return new HttpReply(status, JSON, Json.write(value), Map.of());
    }

    /** A body of the given type. */
    public static HttpReply of(HttpResponseStatus status, String contentType, String body) {
        return new HttpReply(status, contentType, body, Map.of());
    }

    /**
     * The error shape every Hotline endpoint uses: {@code {"error":"not_found","message":"..."}}.
     *
     * @param error   a stable machine-readable code in snake case
     * @param message a sentence for people; never internals such as exception text
     */
    public static HttpReply error(HttpResponseStatus status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    /** This reply with one more header (replacing one of the same name). */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
