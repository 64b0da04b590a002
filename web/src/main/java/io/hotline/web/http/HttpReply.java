package io.hotline.web.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A route's answer: status, body and extra headers. The dispatcher adds {@code Content-Length} and
 * {@code Connection}, and leaves the body out for {@code HEAD}. Immutable: the body bytes are copied in and out.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type, with charset where it is text
 * @param content     the body's bytes (text as UTF-8)
 * @param headers     further response headers, e.g. {@code Cache-Control}
 */
public record HttpReply(HttpResponseStatus status, String contentType, byte[] content, Map<String, String> headers) {

    /** The media type of every JSON reply. */
    public static final String JSON = "application/json; charset=utf-8";

    public HttpReply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
        headers = Map.copyOf(headers);
    }

    /** A reply whose body is text, sent as UTF-8. */
    public HttpReply(HttpResponseStatus status, String contentType, String body, Map<String, String> headers) {
        this(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A copy of the body's bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The body decoded as UTF-8. */
    public String body() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The body's length in bytes, without copying it. */
    public int contentLength() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpReply that && status.equals(that.status) && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(content), headers);
    }

    @Override
    public String toString() {
        return "HttpReply[status=" + status + ", contentType=" + contentType + ", " + content.length
                + " bytes, headers=" + headers + "]";
    }

    /** {@code value} serialized as JSON. */
    public static HttpReply json(HttpResponseStatus status, Object value) {
        return new HttpReply(status, JSON, Json.write(value), Map.of());
    }

    /** A binary body of the given type, e.g. an image. */
    public static HttpReply bytes(HttpResponseStatus status, String contentType, byte[] content) {
        return new HttpReply(status, contentType, content, Map.of());
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
        return new HttpReply(status, contentType, content, more);
    }
}
