package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A journal entry as one log line: every text survives, and a damaged line is recognised. */
class JournalEntryTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");

    @Test
    void shouldReadBackEveryFieldWhateverTheTextHolds() {
        // given an explanation with tabs, line breaks, backslashes, an escape look-alike and non-ASCII text
        JournalEntry decision = new JournalEntry(42, JournalEntry.Kind.DECISION, AT, "1733390000.17", null,
                "queue support\tstep 1\nchose S1004 \\ not \\t a tab; 技术支持 ✓", 0);
        JournalEntry connected = new JournalEntry(43, JournalEntry.Kind.CONNECTED, AT, "c\\-1", "S1004", null,
                7_250);

        // when written as lines and read back
        String decisionLine = decision.toLine();
        String connectedLine = connected.toLine();

        // then each line is one line, and nothing changed
        assertThat(decisionLine).endsWith("\n").containsOnlyOnce("\n");
        assertThat(JournalEntry.parse(strip(decisionLine))).isEqualTo(decision);
        assertThat(JournalEntry.parse(strip(connectedLine))).isEqualTo(connected);
    }

    @Test
    void shouldRefuseALineWithAnyCharacterChanged() {
        String line = strip(new JournalEntry(7, JournalEntry.Kind.ABANDONED, AT, "call-7", "support", null, 42_000)
                .toLine());
        for (int i = 0; i < line.lastIndexOf('\t'); i++) {
            char changed = line.charAt(i) == 'x' ? 'y' : 'x';
            String damaged = line.substring(0, i) + changed + line.substring(i + 1);
            assertThatThrownBy(() -> JournalEntry.parse(damaged)).as("changed at %d", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseATornLine() {
        String line = strip(new JournalEntry(8, JournalEntry.Kind.DECISION, AT, "call-8", null, "why", 0).toLine());

        assertThatThrownBy(() -> JournalEntry.parse(line.substring(0, line.length() - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> JournalEntry.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String strip(String line) {
        return line.substring(0, line.length() - 1);
    }
}
