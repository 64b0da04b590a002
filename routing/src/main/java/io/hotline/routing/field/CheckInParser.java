package io.hotline.routing.field;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of an engineer's SMS check-in (docs/field-service.md, "SMS"): after NFKC normalisation (full-width
 * digits, letters and the ideographic space become ASCII) and trimming, {@code ARRIVE <n>} | {@code DONE <n> [text]}
 * | {@code 到达 <n>} | {@code 完成 <n> [text]}; keywords case-insensitive, separated by any whitespace (none needed
 * between a Chinese keyword and the number), {@code <n>} 1 to 12 digits. Anything else is not understood: the
 * sender gets {@link #HELP}. Pure; safe on any thread.
 */
public final class CheckInParser {
    /** The reply to a message that is not a check-in. */
    public static final String HELP = "Hotline: not understood. Text ARRIVE <order> on arrival, DONE <order> <what was"
            + " done> when finished. 到达/完成 <单号>";
    private static final String SPACE = "[\\s\\p{Z}]";
    private static final Pattern ARRIVE = Pattern.compile("(?i)(?:arrive" + SPACE + "+|到达" + SPACE + "*)([0-9]{1,12})");
    private static final Pattern DONE = Pattern.compile("(?i)(?:done" + SPACE + "+|完成" + SPACE + "*)([0-9]{1,12})(?:"
            + SPACE + "+(.*))?", Pattern.DOTALL);

    /**
     * A parsed check-in.
     *
     * @param kind        arrival or completion
     * @param workOrderId the order's number as texted
     * @param note        the text after a DONE's number, trimmed, or {@code null}
     */
    public record CheckIn(CheckInKind kind, long workOrderId, String note) {
        public CheckIn {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private CheckInParser() {
    }

    /** The check-in {@code text} is, or empty when it is not one (answer with {@link #HELP}). */
    public static Optional<CheckIn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher arrive = ARRIVE.matcher(normal);
        if (arrive.matches()) {
            return Optional.of(new CheckIn(CheckInKind.ARRIVE, Long.parseLong(arrive.group(1)), null));
        }
        Matcher done = DONE.matcher(normal);
        if (done.matches()) {
            String note = done.group(2) == null || done.group(2).isBlank() ? null : done.group(2).strip();
            return Optional.of(new CheckIn(CheckInKind.DONE, Long.parseLong(done.group(1)), note));
        }
        return Optional.empty();
    }
}
