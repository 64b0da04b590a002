package io.hotline.routing.field;

import java.text.Normalizer;
import java.util.Objects;

/**
 * The grammar of an engineer's SMS check-in (docs/field-service.md, "SMS"): after NFKC normalisation (full-width
 * digits, letters and the ideographic space become ASCII) and trimming, {@code ARRIVE <n>}, {@code DONE <n> [text]},
 * {@code 到达 <n>} or {@code 完成 <n> [text]}; the keyword in any case (ASCII letters only are folded), followed by any
 * whitespace (none needed after a Chinese keyword: {@code 到达123456}); {@code <n>} 1 to 12 ASCII digits, not zero;
 * the text trimmed and cut at {@value #MAX_NOTE} characters (never inside a surrogate pair), its control characters
 * made spaces and lone surrogates {@code U+FFFD}, {@code null} when empty. Nothing else is understood: an
 * {@code ARRIVE} with text after the number, a number glued to an ASCII keyword ({@code ARRIVE123}), a number
 * followed by anything but white space ({@code DONE 12a}), the number zero or of more than 12 digits.
 * <p>
 * Pure and stateless; thread-safe. Never throws for any text (the cost is linear in its length): what it cannot
 * read is a {@link NotUnderstood} with the reply that explains the format.
 */
public final class CheckInParser {

    /** The reply to a message that is not a check-in, as docs/field-service.md gives it. */
    public static final String REPLY = "Hotline: not understood. Text ARRIVE <order> on arrival, DONE <order> <what was"
            + " done> when finished. 到达/完成 <单号>";
    /** The longest note kept, in UTF-16 characters; the rest is cut off. */
    public static final int MAX_NOTE = 500;
    /** The most digits an order number has. */
    public static final int MAX_DIGITS = 12;

    private static final NotUnderstood NOT_UNDERSTOOD = new NotUnderstood(REPLY);

    private CheckInParser() {
    }

    /** What a message says: a check-in, or not one. */
    public sealed interface Result permits Parsed, NotUnderstood {
    }

    /**
     * A check-in.
     *
     * @param kind        arrival or completion
     * @param workOrderId the order's number: 1 to {@code 999999999999}
     * @param note        the text after the number ({@code DONE} only), or {@code null}
     */
    public record Parsed(CheckInKind kind, long workOrderId, String note) implements Result {
        public Parsed {
            Objects.requireNonNull(kind, "kind");
            if (workOrderId < 1 || workOrderId > 999_999_999_999L) {
                throw new IllegalArgumentException("order number out of range: " + workOrderId);
            }
            if (note != null && (note.isEmpty() || note.length() > MAX_NOTE)) {
                throw new IllegalArgumentException("note must be null or 1-" + MAX_NOTE + " characters");
            }
            if (note != null && kind == CheckInKind.ARRIVE) {
                throw new IllegalArgumentException("an arrival has no note");
            }
        }
    }

    /**
     * Not a check-in.
     *
     * @param reply what to answer the sender ({@link #REPLY})
     */
    public record NotUnderstood(String reply) implements Result {
        public NotUnderstood {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Reads {@code text} ({@code null} is not understood). */
    public static Result parse(String text) {
        if (text == null) {
            return NOT_UNDERSTOOD;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int start = skipSpace(normal, 0);
        int end = normal.length();
        while (end > start && isSpace(normal.codePointBefore(end))) {
            end -= Character.charCount(normal.codePointBefore(end));
        }
        String message = normal.substring(start, end);
        CheckInKind kind;
        int position;
        if (startsWithAscii(message, "ARRIVE")) {
            kind = CheckInKind.ARRIVE;
            position = requireSpace(message, "ARRIVE".length());
        } else if (startsWithAscii(message, "DONE")) {
            kind = CheckInKind.DONE;
            position = requireSpace(message, "DONE".length());
        } else if (message.startsWith("到达")) {
            kind = CheckInKind.ARRIVE;
            position = skipSpace(message, "到达".length());
        } else if (message.startsWith("完成")) {
            kind = CheckInKind.DONE;
            position = skipSpace(message, "完成".length());
        } else {
            return NOT_UNDERSTOOD;
        }
        return position < 0 ? NOT_UNDERSTOOD : number(message, position, kind);
    }

    private static Result number(String message, int start, CheckInKind kind) {
        int position = start;
        long number = 0;
        while (position < message.length() && isAsciiDigit(message.charAt(position))) {
            if (position - start == MAX_DIGITS) {
                return NOT_UNDERSTOOD;
            }
            number = number * 10 + (message.charAt(position) - '0');
            position++;
        }
        if (position == start || number == 0) {
            return NOT_UNDERSTOOD;
        }
        if (position == message.length()) {
            return new Parsed(kind, number, null);
        }
        if (kind == CheckInKind.ARRIVE || !isSpace(message.codePointAt(position))) {
            return NOT_UNDERSTOOD;
        }
        return new Parsed(kind, number, note(message.substring(skipSpace(message, position))));
    }

    /** The text, made safe to store and cut to {@link #MAX_NOTE}; already trimmed at both ends. */
    private static String note(String text) {
        StringBuilder note = new StringBuilder(Math.min(text.length(), MAX_NOTE));
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint) && codePoint != '\n') {
                codePoint = ' ';
            } else if (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint)) {
                codePoint = '\uFFFD';
            }
            if (note.length() + Character.charCount(codePoint) > MAX_NOTE) {
                break;
            }
            note.appendCodePoint(codePoint);
        }
        String cut = note.toString().strip();
        return cut.isEmpty() ? null : cut;
    }

    /** The index after the whitespace at {@code from}, or -1 when there is none there. */
    private static int requireSpace(String message, int from) {
        int after = skipSpace(message, from);
        return after == from && from < message.length() ? -1 : after;
    }

    private static int skipSpace(String text, int from) {
        int position = from;
        while (position < text.length() && isSpace(text.codePointAt(position))) {
            position += Character.charCount(text.codePointAt(position));
        }
        return position;
    }

    /** Any Unicode white space: Java's own, and the space separators it leaves out (no-break spaces). */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code text} starts with the upper-case ASCII {@code keyword}, ASCII letters compared in any case. */
    private static boolean startsWithAscii(String text, String keyword) {
        if (text.length() < keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = text.charAt(i);
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (upper != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
