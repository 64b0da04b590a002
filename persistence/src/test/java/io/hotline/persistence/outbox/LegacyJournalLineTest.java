package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log written before the typed entries still replays after the upgrade: the segment in the test resources was
 * written by the journal of that version (one line of every kind, with absent values and awkward text), and every
 * line reads back as the typed entry it meant.
 */
class LegacyJournalLineTest {
    private static final String SEGMENT = "journal-segment-before-typed-entries.txt";
    /** The clock of the journal that wrote the segment; entries without a time of their own carry it. */
    private static final Instant AT = Instant.parse("2026-12-05T09:00:07.250Z");

    @TempDir
    Path directory;

    @Test
    void shouldReadEveryLineAnEarlierVersionWroteAsTheTypedEntryItMeant() throws IOException {
        // given the log directory an earlier version left, holding that segment
        try (InputStream segment = getClass().getResourceAsStream(SEGMENT)) {
            assertThat(segment).as(SEGMENT).isNotNull();
            Files.copy(segment, directory.resolve(String.format("journal-%020d.log", 1)));
        }

        // when the log is opened and read after the upgrade
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            List<JournalEntry> entries = log.readAfter(0, 100);

            // then nothing is damaged or cut off, and every line is the entry it was written for
            assertThat(log.damagedLines()).isZero();
            assertThat(log.lastSequence()).isEqualTo(24);
            assertThat(entries).containsExactly(
                    new JournalEntry.Opened(1, Instant.parse("2026-12-05T09:00:00Z"), "1733390000.1",
                            "+8613800138000", Severity.P1, Tier.TIER2, 4711L),
                    new JournalEntry.Opened(2, Instant.parse("2026-12-05T09:00:01Z"), "1733390000.2", null,
                            Severity.P3, Tier.TIER1, null),
                    new JournalEntry.Callback(3, Instant.parse("2026-12-05T09:00:02Z"), "1733390000.1",
                            "+8613800138000", Instant.parse("2026-12-05T10:30:00Z")),
                    new JournalEntry.Surveyed(4, Instant.parse("2026-12-05T09:00:03Z"), "1733390000.1", 4),
                    new JournalEntry.Decision(5, AT, "1733390000.1",
                            "queue support\tstep 1\nchose S1004 \\ not \\t a tab; 技术支持 ✓"),
                    // the kinds whose work-order change routing decided then say so
                    new LegacyCallEntry(new JournalEntry.Connected(6, AT, "1733390000.1", "S1004",
                            Duration.ofMillis(7_250))),
                    new LegacyCallEntry(new JournalEntry.Abandoned(7, AT, "1733390000.2", "support",
                            Duration.ofSeconds(42))),
                    new LegacyCallEntry(new JournalEntry.Joined(8, AT, "1733390000.1", "support", "1733390000.1",
                            "+8613800138000", "4008001234", 4711L, "ERP_U8")),
                    new LegacyCallEntry(new JournalEntry.Joined(9, AT, "1733390000.2", "support", null, null, null,
                            null, null)),
                    new JournalEntry.Offered(10, AT, "1733390000.1", "S1004"),
                    new JournalEntry.Ended(11, AT, "1733390000.1", "S1004", Duration.ofSeconds(61)),
                    new JournalEntry.Ended(12, AT, "1733390000.3", null, Duration.ZERO),
                    new JournalEntry.HandedOff(13, AT, "1733390000.4", "support", Handoff.CALLBACK,
                            Duration.ofSeconds(30)),
                    new JournalEntry.HandedOff(14, AT, "1733390000.5", "support", Handoff.FALLBACK,
                            Duration.ofSeconds(5)),
                    new JournalEntry.HandedOff(15, AT, "1733390000.6", "support", Handoff.AFTER_HOURS, Duration.ZERO),
                    new LegacyCallEntry(new JournalEntry.Escalated(16, AT, "1733390000.1", "S1004", Tier.TIER1,
                            Tier.TIER2, "tier2", "GL close fails")),
                    new LegacyCallEntry(new JournalEntry.Escalated(17, AT, "1733390000.7", null, null, null,
                            "expert", null)),
                    new JournalEntry.Restarted(18, AT),
                    new JournalEntry.Bypassed(19, Instant.parse("2026-12-05T09:00:05Z"), "1733390000.8",
                            "1733390000.9", "+8613800138000", "4008001234", "another session already holds the call"),
                    new JournalEntry.Bypassed(20, Instant.parse("2026-12-05T09:00:06Z"), "1733390000.10",
                            "1733390000.10", null, null, "routing overloaded"),
                    new JournalEntry.SeatStateChanged(21, AT, "S1004", SeatState.NOT_READY, "lunch break"),
                    new JournalEntry.SeatStateChanged(22, AT, "S1004", SeatState.READY, null),
                    new JournalEntry.Refused(23, AT, "S1005", "ready", "not logged in"),
                    new JournalEntry.Refused(24, AT, null, null, ""));

            // and new entries go on after them, in the new format, and read back alike
            log.append(List.of(new JournalEntry.Offered(25, AT, "1733390000.1", "S1005")));
            assertThat(log.readAfter(24, 10)).containsExactly(new JournalEntry.Offered(25, AT, "1733390000.1",
                    "S1005"));
        }
    }

    @Test
    void shouldReadAJoinedLineOfTheVersionBeforeTheProductLine() {
        // an earlier version wrote four values for a joined call: channel, number, dialled number, customer
        String body = "3\tJOINED\t" + AT.toEpochMilli() + "\tc-3\tsupport\tc-3.chan\\n+8613800138000\\n\\n42\t0\t";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));

        assertThat(JournalLine.parse(body + Long.toHexString(crc.getValue()))).isEqualTo(new LegacyCallEntry(
                new JournalEntry.Joined(3, AT, "c-3", "support", "c-3.chan", "+8613800138000", null, 42L, null)));
    }
}
