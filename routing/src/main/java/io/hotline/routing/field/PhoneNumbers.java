package io.hotline.routing.field;

import java.util.Objects;
import java.util.Optional;

/**
 * The one normal form of a phone number, for the modules that cannot reach persistence's own (the SMS webhook in
 * {@code web} normalises a sender with it, so that it compares equal to an engineer's stored mobile): ASCII digits
 * with an optional single leading {@code +}. The same rules as {@code io.hotline.persistence.dao.PhoneNumbers}:
 * spaces, tabs, dashes, dots and parentheses are separators and are dropped; anything else (letters, a second or
 * inner {@code +}, {@code *}, {@code #}, non-ASCII digits) makes the number garbage; 3 to 20 digits. No country rules
 * are applied: {@code 0086...} and {@code +86...} stay different numbers. Stateless and thread-safe.
 */
public final class PhoneNumbers {
    /** Fewer digits than this is not a number anyone can call back (extensions have at least 3). */
    public static final int MIN_DIGITS = 3;
    /** E.164 allows 15 digits; an international prefix and a trunk prefix fit within 20. */
    public static final int MAX_DIGITS = 20;

    private PhoneNumbers() {
    }

    /**
     * The normal form of {@code raw}.
     *
     * @throws IllegalArgumentException when {@code raw} is empty, has too few or too many digits, or contains
     *                                  anything other than digits, separators and one leading {@code +}
     */
    public static String normalise(String raw) {
        Objects.requireNonNull(raw, "raw");
        return tryNormalise(raw).orElseThrow(() -> new IllegalArgumentException("not a phone number: '" + raw
                + "' (expected " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, an optional leading '+', and only"
                + " spaces, dashes, dots or parentheses between them)"));
    }

    /**
     * The normal form of {@code raw}, or empty when it is {@code null} or garbage (e.g. an alphanumeric sender
     * name). For lookups, where an unparseable number simply matches nothing.
     */
    public static Optional<String> tryNormalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        StringBuilder normal = new StringBuilder(Math.min(trimmed.length(), MAX_DIGITS + 1));
        int digits = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    return Optional.empty();
                }
                normal.append(c);
            } else if (c == '+' && i == 0) {
                normal.append(c);
            } else if (!isSeparator(c)) {
                return Optional.empty();
            }
        }
        return digits < MIN_DIGITS ? Optional.empty() : Optional.of(normal.toString());
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '(' || c == ')';
    }
}
