package io.hotline.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How the console's routes read text fields of their JSON bodies (the replies and the rest are
 * {@link io.hotline.web.http.ApiReplies}). Stateless, thread-safe.
 */
final class ConsoleReplies {

    private ConsoleReplies() {
    }

    /** A non-blank text field, trimmed, or empty (absent, null, blank or not a string). */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().trim());
    }
}
