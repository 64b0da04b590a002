package io.hotline.web.push;

import java.util.Map;
import java.util.Objects;

/**
 * A message to push: its type (e.g. {@code hello}, {@code screen-pop}) and its data, any value Jackson serializes to
 * a JSON object (a record or a map). Immutable if {@code data} is.
 *
 * @param type a short stable name the page switches on
 * @param data the payload; {@code null} becomes {@code {}}
 */
public record PushMessage(String type, Object data) {

    public PushMessage {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("push message type must not be blank");
        }
        data = data == null ? Map.of() : data;
    }
}
