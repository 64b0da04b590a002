package io.hotline.persistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One fact routing asked to keep, numbered in the order it was asked. Stored in the log as one line of
 * tab-separated fields ending in a CRC-32 of the rest, so a line torn by a crash or damaged on disk is recognised
 * and never applied. Immutable.
 *
 * @param sequence   the entry's number in its journal, from 1
 * @param kind       what happened
 * @param occurredAt when routing emitted it
 * @param callId     the call (its linkedid), which names the work order; for {@link Kind#SEAT_STATE} and
 *                   {@link Kind#REFUSED} the seat or call concerned (see there)
 * @param subject    the seat that answered ({@link Kind#CONNECTED}), the queue left ({@link Kind#ABANDONED}), the
 *                   caller's number ({@link Kind#OPENED}); each kind's own is named with it
 * @param text       the explanation ({@link Kind#DECISION}), what the work order opens with ({@link Kind#OPENED});
 *                   each kind's own is named with it
 * @param waitedMs   how long the caller waited ({@link Kind#CONNECTED}, {@link Kind#ABANDONED},
 *                   {@link Kind#HANDED_OFF}) or talked ({@link Kind#ENDED})
 */
public record JournalEntry(long sequence, Kind kind, Instant occurredAt, String callId, String subject, String text,
                           long waitedMs) {
    private static final int FIELDS = 8;

    /** What the entry records. */
    public enum Kind {
        /**
         * Open the call's work order: asked while the database was away, so that the caller could be routed.
         * {@code subject} is the caller's number, {@code text} the severity, the tier and the customer id (or
         * {@code -}) separated by spaces, {@code occurredAt} when the call arrived.
         */
        OPENED,
        /**
         * Call the caller back: chosen while the database was away, or by a caller routed during an outage.
         * {@code subject} is the number to call, {@code text} when the callback is due (ISO-8601),
         * {@code occurredAt} when the caller chose it.
         */
        CALLBACK,
        /**
         * The caller's post-call IVR score, keyed while the database was away or by a caller routed during an
         * outage. {@code text} is the score, 1-5; {@code occurredAt} when it was keyed.
         */
        SURVEYED,
        /** Why routing did what it did with the call. */
        DECISION,
        /** The call reached a seat. */
        CONNECTED,
        /** The caller left the queue before reaching a seat. */
        ABANDONED,
        /**
         * A caller entered Hotline: the call's record starts. {@code subject} is the queue, {@code text} the
         * caller's channel (uniqueid), number, dialled number, customer id and product line, one per line (empty
         * when not known).
         */
        JOINED,
        /** A seat ({@code subject}) was offered the call. */
        OFFERED,
        /** The conversation with seat {@code subject} ended; {@code waitedMs} is its talk time. */
        ENDED,
        /**
         * The caller left queue {@code subject} after {@code waitedMs}, handed to what {@code text} names (a
         * {@link io.hotline.routing.engine.Handoff}): not an abandon.
         */
        HANDED_OFF,
        /**
         * Seat {@code subject} escalated the live call: {@code text} is the tier before, the tier after, the target
         * queue and the reason, one per line.
         */
        ESCALATED,
        /**
         * Hotline started: every call of this Asterisk server still open in the database (it was open when an
         * earlier run stopped or died) is closed as the dialplan left it, at {@code occurredAt}. {@code callId} is
         * {@code -}.
         */
        RESTARTED,
        /**
         * A channel of the call ({@code subject}, its uniqueid) went to the dialplan's fallback queue without
         * entering routing; {@code text} is the caller's number, the dialled number and the reason, one per line.
         */
        BYPASSED,
        /**
         * A seat changed state. {@code callId} is the seat's code (no call is concerned), {@code subject} the
         * state's name, {@code text} the not-ready reason or {@code null}.
         */
        SEAT_STATE,
        /**
         * Routing refused an input. {@code callId} is what it concerned (a seat's code or a call's linkedid),
         * {@code subject} what was asked ({@code login}, {@code ready}...) or {@code null}, {@code text} why.
         */
        REFUSED;

        /** Whether entries of this kind concern a seat or routing itself rather than a call's work order. */
        boolean concernsWorkOrder() {
            return this != SEAT_STATE && this != REFUSED;
        }
    }

    public JournalEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
    }

    /** The entry as one log line, with its trailing newline. */
    String toLine() {
        StringBuilder line = new StringBuilder(64 + (text == null ? 0 : text.length()));
        line.append(sequence).append('\t').append(kind.name()).append('\t').append(occurredAt.toEpochMilli())
                .append('\t');
        escape(callId, line);
        line.append('\t');
        escape(subject, line);
        line.append('\t');
        escape(text, line);
        line.append('\t').append(waitedMs).append('\t');
        line.append(Long.toHexString(crc(line.toString()))).append('\n');
        return line.toString();
    }

    /**
     * Parses a line written by {@link #toLine()} (without its newline).
     *
     * @throws IllegalArgumentException naming what is wrong when the line is damaged or not an entry
     */
    static JournalEntry parse(String line) {
        int lastTab = line.lastIndexOf('\t');
        if (lastTab < 0) {
            throw new IllegalArgumentException("not a journal entry (no fields)");
        }
        String body = line.substring(0, lastTab + 1);
        if (!Long.toHexString(crc(body)).equals(line.substring(lastTab + 1))) {
            throw new IllegalArgumentException("checksum mismatch (torn or damaged line)");
        }
        String[] fields = body.split("\t", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("expected " + (FIELDS - 1) + " fields, found " + (fields.length - 1));
        }
        try {
            return new JournalEntry(Long.parseLong(fields[0]), Kind.valueOf(fields[1]),
                    Instant.ofEpochMilli(Long.parseLong(fields[2])), unescape(fields[3]), unescape(fields[4]),
                    unescape(fields[5]), Long.parseLong(fields[6]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad field: " + e.getMessage(), e);
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Writes {@code value} with backslash, tab and line breaks escaped; {@code null} as a lone {@code \-}. */
    private static void escape(String value, StringBuilder into) {
        if (value == null) {
            into.append("\\-");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> into.append("\\\\");
                case '\t' -> into.append("\\t");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                default -> into.append(c);
            }
        }
    }

    private static String unescape(String field) {
        if (field.equals("\\-")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder value = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalArgumentException("dangling escape");
            }
            char escaped = field.charAt(i);
            switch (escaped) {
                case '\\' -> value.append('\\');
                case 't' -> value.append('\t');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + escaped);
            }
        }
        return value.toString();
    }
}
