package io.hotline.routing.knowledge;

import java.util.Objects;

/**
 * An article as a seat or an expert writes it, before it has a code and dates. Immutable; the compact constructor
 * refuses what could not be stored, so a refused draft loses nothing that was accepted before.
 *
 * @param title       the title; not blank, at most {@value #MAX_TITLE} characters
 * @param symptoms    what the customer sees or reports; may be empty, at most {@value #MAX_TEXT} characters
 * @param solution    how to solve it; not blank, at most {@value #MAX_TEXT} characters
 * @param productLine the product line's skill code, or {@code null} for every product (or, for an article from a
 *                    work order, for the work order's own product line)
 * @param author      who wrote it; not blank, at most {@value #MAX_AUTHOR} characters
 */
public record ArticleDraft(String title, String symptoms, String solution, String productLine, String author) {
    /** The longest title ({@code kb_article.title} is {@code VARCHAR(400)}). */
    public static final int MAX_TITLE = 400;
    /** The longest symptoms or solution: 16,000 characters of four bytes fit a 64 KiB {@code TEXT} column. */
    public static final int MAX_TEXT = 16_000;
    /** The longest author name ({@code kb_article.author} is {@code VARCHAR(64)}). */
    public static final int MAX_AUTHOR = 64;

    public ArticleDraft {
        Objects.requireNonNull(symptoms, "symptoms");
        requireText("title", title, MAX_TITLE);
        requireText("solution", solution, MAX_TEXT);
        requireText("author", author, MAX_AUTHOR);
        if (symptoms.length() > MAX_TEXT) {
            throw new IllegalArgumentException("symptoms are longer than " + MAX_TEXT + " characters");
        }
        if (productLine != null && productLine.isBlank()) {
            throw new IllegalArgumentException("productLine must be null (every product) or a skill code");
        }
    }

    private static void requireText(String name, String value, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
    }
}
