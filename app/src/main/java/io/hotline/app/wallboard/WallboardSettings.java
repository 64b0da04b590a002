package io.hotline.app.wallboard;

import java.util.Objects;
import java.util.Optional;

/**
 * The wallboard's setting: the wall screens' read-only token ({@code HOTLINE_WALLBOARD_TOKEN}), already validated.
 * Immutable; {@link #toString()} never shows the token.
 *
 * @param token the token, or empty when only sessions open the wallboard
 */
public record WallboardSettings(Optional<String> token) {

    /** No token. */
    public static final WallboardSettings NONE = new WallboardSettings(Optional.empty());

    public WallboardSettings {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "WallboardSettings[token=" + (token.isPresent() ? "(hidden)" : "none") + "]";
    }
}
