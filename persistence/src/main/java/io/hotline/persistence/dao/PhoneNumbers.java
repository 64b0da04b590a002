package io.hotline.persistence.dao;

import java.util.Optional;

/**
 * The one normal form of a phone number, used both when a number is stored and when a caller id or SMS sender
 * is looked up, so the two always compare equal: {@link io.hotline.routing.field.PhoneNumbers}, the rules every
 * module shares (ASCII digits with an optional single leading {@code +}; separators dropped; anything else makes
 * the number garbage; no country rules). Kept here, delegating, for the persistence code that stores and looks up
 * numbers. Stateless and thread-safe.
 */
public final class PhoneNumbers {
    /** Fewer digits than this is not a number anyone can call back (extensions have at least 3). */
    static final int MIN_DIGITS = io.hotline.routing.field.PhoneNumbers.MIN_DIGITS;
    /** E.164 allows 15 digits; an international prefix and a trunk prefix fit within 20. */
    static final int MAX_DIGITS = io.hotline.routing.field.PhoneNumbers.MAX_DIGITS;

    private PhoneNumbers() {
    }

    /**
     * The normal form of {@code raw}.
     *
     * @throws IllegalArgumentException when {@code raw} is empty, has too few or too many digits, or contains
     *                                  anything other than digits, separators and one leading {@code +}
     */
    public static String normalise(String raw) {
        return io.hotline.routing.field.PhoneNumbers.normalise(raw);
    }

    /**
     * The normal form of {@code raw}, or empty when it is {@code null} or garbage (e.g. an {@code anonymous}
     * caller id). For lookups, where an unparseable number simply matches nothing.
     */
    public static Optional<String> tryNormalise(String raw) {
        return io.hotline.routing.field.PhoneNumbers.tryNormalise(raw);
    }
}
