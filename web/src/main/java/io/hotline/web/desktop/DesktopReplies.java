package io.hotline.web.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How the desktop's routes read text fields of their JSON bodies (the replies and the rest are
 * {@link io.hotline.web.http.ApiReplies}). Stateless, thread-safe.
 */
final class DesktopReplies {

    private DesktopReplies() {
    }

    /**
     * A text field: empty when absent or JSON null; {@code null} inside the optional is never returned.
     *
     * @return the text, or empty; a field of another type than a string is reported by
     *         {@link io.hotline.web.http.ApiReplies#isText}
     */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** A required non-blank text field, or empty. */
    static Optional<String> required(JsonNode body, String field) {
        return text(body, field).filter(value -> !value.isBlank());
    }
}
