package io.hotline.persistence.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A call's entry read from a line of the format before the typed entries ({@link LegacyJournalLine}): written by a
 * version in which routing decided the work order's state, so it is applied as that version did (a connection
 * takes a new work order in progress, an abandon cancels it, an escalation moves its tier, a join sets its product
 * line), besides what the entry itself writes. Written again (parked) as the entry alone, in today's format.
 * Immutable.
 *
 * @param entry the entry the line holds
 */
record LegacyCallEntry(JournalEntry.CallEntry entry) implements JournalEntry.CallEntry {

    LegacyCallEntry {
        Objects.requireNonNull(entry, "entry");
        if (entry instanceof LegacyCallEntry) {
            throw new IllegalArgumentException("an entry is legacy once: " + entry);
        }
    }

    @Override
    public String callId() {
        return entry.callId();
    }

    @Override
    public long sequence() {
        return entry.sequence();
    }

    @Override
    public Instant occurredAt() {
        return entry.occurredAt();
    }

    @Override
    public String kind() {
        return entry.kind();
    }

    @Override
    public void writeFields(JournalLine.Writer line) {
        entry.writeFields(line);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.legacy(this);
    }
}
