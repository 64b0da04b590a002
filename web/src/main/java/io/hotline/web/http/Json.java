package io.hotline.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The one Jackson {@link ObjectMapper} of the web module, configured once and shared: an {@code ObjectMapper} is
 * thread-safe once configured and expensive to create.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * {@code value} as a JSON document.
     *
     * @throws UncheckedIOException if Jackson cannot serialize it
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code value} as a JSON document in UTF-8 bytes, without an intermediate string.
     *
     * @throws UncheckedIOException if Jackson cannot serialize it
     */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} parsed as a JSON tree, or empty if it is not JSON. */
    public static Optional<JsonNode> readTree(String text) {
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
