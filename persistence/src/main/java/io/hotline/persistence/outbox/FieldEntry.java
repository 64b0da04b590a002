package io.hotline.persistence.outbox;

import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.Objects;

/**
 * The field leg's entries in the one journal: what {@link JournalFieldStore} hands over on the service-desk
 * thread, numbered in the same order as the desk's own entries (so a dispatch change is never written before the
 * work order change the desk emitted before it). Each carries what the desk computed and writes it on its own line
 * ({@link FieldFields}); the database writer writes it as it is, idempotently ({@link FieldWrites}). Immutable.
 */
sealed interface FieldEntry extends JournalEntry {

    /** The dispatch order (its work order's id) the entry is about; 0 for an SMS about none. */
    long workOrderId();

    /** A dispatch order was opened or changed: its stored form replaces the old, and its step is appended. */
    record DispatchChanged(long sequence, Instant occurredAt, StoredDispatch dispatch, FieldStep step)
            implements FieldEntry {
        static final String KIND = "FieldDispatchChanged";

        public DispatchChanged {
            Objects.requireNonNull(dispatch, "dispatch");
            Objects.requireNonNull(step, "step");
        }

        static DispatchChanged read(long sequence, Instant at, JournalLine.Reader line) {
            StoredDispatch dispatch = FieldFields.readDispatch(line);
            return new DispatchChanged(sequence, at, dispatch, FieldFields.readStep(line));
        }

        @Override
        public long workOrderId() {
            return dispatch.workOrderId();
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            FieldFields.write(line, dispatch);
            FieldFields.write(line, step);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fieldDispatchChanged(this);
        }
    }

    /** An SMS to send: stored queued, once per {@code (workOrderId, key)}. */
    record SmsQueued(long sequence, Instant occurredAt, long workOrderId, String key, String to, String body)
            implements FieldEntry {
        static final String KIND = "FieldSmsQueued";

        public SmsQueued {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }

        static SmsQueued read(long sequence, Instant at, JournalLine.Reader line) {
            return new SmsQueued(sequence, at, line.number(), line.text(), line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.number(workOrderId).text(key).text(to).text(body);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fieldSmsQueued(this);
        }
    }

    /** The service event closed with its score at {@code reportedAt}: its row in headquarters' feed. */
    record Reported(long sequence, Instant occurredAt, StoredDispatch dispatch, Instant reportedAt)
            implements FieldEntry {
        static final String KIND = "FieldReported";

        public Reported {
            Objects.requireNonNull(dispatch, "dispatch");
            Objects.requireNonNull(reportedAt, "reportedAt");
        }

        static Reported read(long sequence, Instant at, JournalLine.Reader line) {
            StoredDispatch dispatch = FieldFields.readDispatch(line);
            return new Reported(sequence, at, dispatch, line.instant());
        }

        @Override
        public long workOrderId() {
            return dispatch.workOrderId();
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            FieldFields.write(line, dispatch);
            line.instant(reportedAt);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fieldReported(this);
        }
    }
}
