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

    /** {@code text} as a JSON tree, or empty when it is not JSON (a client's mistake, answered 400). */
    public static Optional<JsonNode> read(String text) {
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
