package io.hotline.persistence.outbox;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the log lines written before the typed entries, so that a log an earlier version left is written to the
 * database after an upgrade. Those lines had seven fields whatever their kind: number, kind (upper case), time,
 * call (or seat), subject, text and milliseconds waited; what subject and text meant depended on the kind, and a
 * text could hold several values, one per line (or, for an opening, separated by spaces). Never written any more.
 * The kinds whose effect on the work order routing decided then are read as {@link LegacyCallEntry}s, so they still
 * have it. Stateless.
 */
final class LegacyJournalLine {
    private static final int FIELDS = 7;

    private LegacyJournalLine() {
    }

    /**
     * The typed entry of a line of the earlier format, already split at its tabs (the checksum checked).
     *
     * @throws IllegalArgumentException when it is not such a line
     */
    static JournalEntry parse(String[] fields) {
        if (fields.length - 1 != FIELDS) {
            throw new IllegalArgumentException("unknown kind, or expected " + FIELDS + " fields, found "
                    + (fields.length - 1));
        }
        long sequence = Long.parseLong(fields[0]);
        Instant at = Instant.ofEpochMilli(Long.parseLong(fields[2]));
        String call = JournalLine.unescape(fields[3]);
        String subject = JournalLine.unescape(fields[4]);
        String text = JournalLine.unescape(fields[5]);
        Duration waited = Duration.ofMillis(Long.parseLong(fields[6]));
        return switch (fields[1]) {
            case "OPENED" -> opened(sequence, at, call, subject, text);
            case "CALLBACK" -> new JournalEntry.Callback(sequence, at, call, subject, Instant.parse(text));
            case "SURVEYED" -> new JournalEntry.Surveyed(sequence, at, call, Integer.parseInt(text));
            case "DECISION" -> new JournalEntry.Decision(sequence, at, call, text);
            case "CONNECTED" -> new LegacyCallEntry(new JournalEntry.Connected(sequence, at, call, subject, waited));
            case "ABANDONED" -> new LegacyCallEntry(new JournalEntry.Abandoned(sequence, at, call, subject, waited));
            case "JOINED" -> new LegacyCallEntry(joined(sequence, at, call, subject, text));
            case "OFFERED" -> new JournalEntry.Offered(sequence, at, call, subject);
            case "ENDED" -> new JournalEntry.Ended(sequence, at, call, subject, waited);
            case "HANDED_OFF" -> new JournalEntry.HandedOff(sequence, at, call, subject, Handoff.valueOf(text),
                    waited);
            case "ESCALATED" -> new LegacyCallEntry(escalated(sequence, at, call, subject, text));
            case "RESTARTED" -> new JournalEntry.Restarted(sequence, at);
            case "BYPASSED" -> bypassed(sequence, at, call, subject, text);
            case "SEAT_STATE" -> new JournalEntry.SeatStateChanged(sequence, at, call, SeatState.valueOf(subject),
                    text);
            // The call field held "-" for a refusal about nothing; the reason was never null.
            case "REFUSED" -> new JournalEntry.Refused(sequence, at, call.equals("-") ? null : call, subject,
                    text == null ? "" : text);
            default -> throw new IllegalArgumentException("unknown kind " + fields[1]);
        };
    }

    /** Text: severity, tier and customer id (or {@code -}), separated by spaces; subject: the caller's number. */
    private static JournalEntry opened(long sequence, Instant at, String call, String subject, String text) {
        String[] parts = text.split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("cannot read '" + text + "' as severity, tier and customer");
        }
        return new JournalEntry.Opened(sequence, at, call, subject, Severity.valueOf(parts[0]),
                Tier.valueOf(parts[1]), parts[2].equals("-") ? null : Long.valueOf(parts[2]));
    }

    /**
     * Text: the caller's channel, number, dialled number, customer id and (from the version that added it) the
     * product line, one per line, empty when not known; subject: the queue.
     */
    private static JournalEntry.Joined joined(long sequence, Instant at, String call, String subject, String text) {
        String[] parts = lines(text, 4);
        return new JournalEntry.Joined(sequence, at, call, subject, blankToNull(parts[0]), blankToNull(parts[1]),
                blankToNull(parts[2]), parts[3].isEmpty() ? null : Long.valueOf(parts[3]),
                parts.length > 4 ? blankToNull(parts[4]) : null);
    }

    /** Text: the tier before, the tier after, the target queue and the reason, one per line; subject: the seat. */
    private static JournalEntry.Escalated escalated(long sequence, Instant at, String call, String subject,
                                                    String text) {
        String[] parts = lines(text, 4);
        return new JournalEntry.Escalated(sequence, at, call, subject,
                parts[0].isEmpty() ? null : Tier.valueOf(parts[0]), parts[1].isEmpty() ? null : Tier.valueOf(parts[1]),
                parts[2], blankToNull(parts[3]));
    }

    /** Text: the caller's number, the dialled number and the reason, one per line; subject: the channel. */
    private static JournalEntry bypassed(long sequence, Instant at, String call, String subject, String text) {
        String[] parts = lines(text, 3);
        return new JournalEntry.Bypassed(sequence, at, call, subject, blankToNull(parts[0]), blankToNull(parts[1]),
                parts[2]);
    }

    private static String[] lines(String text, int atLeast) {
        String[] parts = text.split("\n", -1);
        if (parts.length < atLeast) {
            throw new IllegalArgumentException("expected " + atLeast + " values, one per line, found "
                    + parts.length);
        }
        return parts;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
