package io.hotline.persistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A journal entry as one log line: its number, its kind, its time (epoch milliseconds), then the kind's own fields
 * as the entry writes them ({@link JournalEntry#writeFields}), tab-separated, ending in a CRC-32 of the rest, so a
 * line torn by a crash or damaged on disk is recognised and never applied. Text escapes backslash, tab and line
 * breaks, and writes {@code null} as a lone {@code \-}; numbers are decimal, enums their names, instants epoch
 * milliseconds, durations milliseconds.
 * <p>
 * Kinds are spelled as their records are named ({@code Connected}); a line whose kind is an upper-case name
 * ({@code CONNECTED}) is in the format before the typed entries, and {@link LegacyJournalLine} reads it, so a log
 * written before an upgrade is still written to the database after it. Stateless.
 */
final class JournalLine {
    private static final Map<String, EntryReader> READERS = Map.ofEntries(
            Map.entry(JournalEntry.Opened.KIND, JournalEntry.Opened::read),
            Map.entry(JournalEntry.Callback.KIND, JournalEntry.Callback::read),
            Map.entry(JournalEntry.Surveyed.KIND, JournalEntry.Surveyed::read),
            Map.entry(JournalEntry.Decision.KIND, JournalEntry.Decision::read),
            Map.entry(JournalEntry.Connected.KIND, JournalEntry.Connected::read),
            Map.entry(JournalEntry.Abandoned.KIND, JournalEntry.Abandoned::read),
            Map.entry(JournalEntry.Joined.KIND, JournalEntry.Joined::read),
            Map.entry(JournalEntry.Offered.KIND, JournalEntry.Offered::read),
            Map.entry(JournalEntry.Ended.KIND, JournalEntry.Ended::read),
            Map.entry(JournalEntry.HandedOff.KIND, JournalEntry.HandedOff::read),
            Map.entry(JournalEntry.Escalated.KIND, JournalEntry.Escalated::read),
            Map.entry(JournalEntry.Restarted.KIND, JournalEntry.Restarted::read),
            Map.entry(JournalEntry.Bypassed.KIND, JournalEntry.Bypassed::read),
            Map.entry(JournalEntry.SeatStateChanged.KIND, JournalEntry.SeatStateChanged::read),
            Map.entry(JournalEntry.Refused.KIND, JournalEntry.Refused::read),
            Map.entry(DeskEntry.Opened.KIND, DeskEntry.Opened::read),
            Map.entry(DeskEntry.Changed.KIND, DeskEntry.Changed::read),
            Map.entry(DeskEntry.WarningFired.KIND, DeskEntry.WarningFired::read),
            Map.entry(DeskEntry.Released.KIND, DeskEntry.Released::read),
            Map.entry(DeskEntry.Refused.KIND, DeskEntry.Refused::read),
            Map.entry(DeskEntry.Notified.KIND, DeskEntry.Notified::read),
            Map.entry(FieldEntry.DispatchChanged.KIND, FieldEntry.DispatchChanged::read),
            Map.entry(FieldEntry.SmsQueued.KIND, FieldEntry.SmsQueued::read),
            Map.entry(FieldEntry.Reported.KIND, FieldEntry.Reported::read));

    private JournalLine() {
    }

    /** Reads one kind's fields, after the number and the time. */
    @FunctionalInterface
    private interface EntryReader {
        JournalEntry read(long sequence, Instant occurredAt, Reader line);
    }

    /** {@code entry} as one log line, with its trailing newline. */
    static String of(JournalEntry entry) {
        Writer line = new Writer();
        line.number(entry.sequence()).raw(entry.kind()).instant(entry.occurredAt());
        entry.writeFields(line);
        String body = line.text.toString();
        return body + Long.toHexString(crc(body)) + '\n';
    }

    /**
     * Reads a line written by {@link #of} (without its newline), or by the format before it.
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
        // The body ends in a tab: the last of the split is empty, and not a field.
        String[] fields = body.split("\t", -1);
        if (fields.length < 4) {
            throw new IllegalArgumentException("expected at least 3 fields, found " + (fields.length - 1));
        }
        EntryReader reader = READERS.get(fields[1]);
        try {
            if (reader == null) {
                return LegacyJournalLine.parse(fields);
            }
            Reader rest = new Reader(fields, 3);
            JournalEntry entry = reader.read(Long.parseLong(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[2])),
                    rest);
            rest.end();
            return entry;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad " + fields[1] + " entry: " + e.getMessage(), e);
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Appends an entry's fields to its line, each followed by a tab. Confined to the thread writing the line. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder(128);

        private Writer() {
        }

        /** A text field, escaped; {@code null} as {@code \-}. */
        Writer text(String value) {
            if (value == null) {
                return raw("\\-");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
            text.append('\t');
            return this;
        }

        /** A whole number, or {@code null}. */
        Writer number(Long value) {
            return value == null ? raw("\\-") : raw(value.toString());
        }

        /** An enum's name, or {@code null}. */
        Writer value(Enum<?> value) {
            return value == null ? raw("\\-") : raw(value.name());
        }

        /** An instant in epoch milliseconds. */
        Writer instant(Instant value) {
            return raw(Long.toString(value.toEpochMilli()));
        }

        /** An instant in epoch milliseconds, or {@code null}. */
        Writer optionalInstant(Instant value) {
            return value == null ? raw("\\-") : instant(value);
        }

        /** A yes or no, as {@code 1} or {@code 0}. */
        Writer flag(boolean value) {
            return raw(value ? "1" : "0");
        }

        /** A duration in milliseconds. */
        Writer duration(Duration value) {
            return raw(Long.toString(value.toMillis()));
        }

        private Writer raw(String field) {
            text.append(field).append('\t');
            return this;
        }
    }

    /** Reads an entry's fields from its line, in the order they were written. Confined to the reading thread. */
    static final class Reader {
        private final String[] fields;
        private int next;

        /** Reads {@code fields} from {@code first}; the last element (after the last tab) is not a field. */
        Reader(String[] fields, int first) {
            this.fields = fields;
            this.next = first;
        }

        /** A text field, or {@code null}. */
        String text() {
            return unescape(take());
        }

        /** A whole number, or {@code null}. */
        Long number() {
            String field = take();
            return field.equals("\\-") ? null : Long.valueOf(field);
        }

        /** An enum constant by its name, or {@code null}. */
        <E extends Enum<E>> E value(Class<E> type) {
            String field = take();
            return field.equals("\\-") ? null : Enum.valueOf(type, field);
        }

        /** An instant from epoch milliseconds. */
        Instant instant() {
            return Instant.ofEpochMilli(Long.parseLong(take()));
        }

        /** An instant from epoch milliseconds, or {@code null}. */
        Instant optionalInstant() {
            String field = take();
            return field.equals("\\-") ? null : Instant.ofEpochMilli(Long.parseLong(field));
        }

        /** A yes or no written by {@link Writer#flag}. */
        boolean flag() {
            String field = take();
            if (!field.equals("0") && !field.equals("1")) {
                throw new IllegalArgumentException("expected 0 or 1, found " + field);
            }
            return field.equals("1");
        }

        /** A duration from milliseconds. */
        Duration duration() {
            return Duration.ofMillis(Long.parseLong(take()));
        }

        /** Whether fields are left to read (a kind whose last fields came later reads lines written before). */
        boolean hasMore() {
            return next < fields.length - 1;
        }

        /** Checks that every field was read. */
        void end() {
            if (next != fields.length - 1) {
                throw new IllegalArgumentException((fields.length - 1 - next) + " fields more than the kind has");
            }
        }

        private String take() {
            if (next >= fields.length - 1) {
                throw new IllegalArgumentException("fewer fields than the kind has");
            }
            return fields[next++];
        }
    }

    /** {@code field} with its escapes undone; {@code \-} is {@code null}. */
    static String unescape(String field) {
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
