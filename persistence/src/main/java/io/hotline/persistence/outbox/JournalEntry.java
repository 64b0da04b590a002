package io.hotline.persistence.outbox;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fact Hotline asked the journal to keep, numbered in the order it was asked: one record per kind, each with
 * its own typed fields: routing's (calls, seats, refusals), the service desk's ({@link DeskEntry}) and the field
 * leg's ({@link FieldEntry}). The journal's database writer decides nothing from them beyond what each kind says:
 * the desk decides every work order's state; routing's entries write call records and routing's trail, and change a
 * work order's state only when read from a log an earlier version left ({@link LegacyCallEntry}).
 * <p>
 * Each record writes its own fields to its log line and reads them back ({@link JournalLine} holds the line format,
 * and still reads the lines of the format before this one). Instants and durations are kept to the millisecond.
 * Handled through a {@link Visitor}, so a new kind does not compile until every writer handles it. Immutable.
 */
sealed interface JournalEntry permits JournalEntry.CallEntry, JournalEntry.Restarted, JournalEntry.SeatStateChanged,
        JournalEntry.Refused, DeskEntry, FieldEntry {

    /** The entry's number in its journal, from 1. */
    long sequence();

    /** When it happened: when routing emitted it, or when the caller arrived, chose or keyed (see each kind). */
    Instant occurredAt();

    /** The kind's name in the log line; also what logs call it. */
    String kind();

    /** Writes the kind's own fields, after the number, kind and time that every line has. */
    void writeFields(JournalLine.Writer line);

    /** Hands the entry to {@code visitor}'s method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind: whoever handles entries handles every kind, or does not compile. */
    interface Visitor<R> {
        R opened(Opened entry);

        R callback(Callback entry);

        R surveyed(Surveyed entry);

        R decision(Decision entry);

        R connected(Connected entry);

        R abandoned(Abandoned entry);

        R joined(Joined entry);

        R offered(Offered entry);

        R ended(Ended entry);

        R handedOff(HandedOff entry);

        R escalated(Escalated entry);

        R restarted(Restarted entry);

        R bypassed(Bypassed entry);

        R seatStateChanged(SeatStateChanged entry);

        R refused(Refused entry);

        R legacy(LegacyCallEntry entry);

        R deskOpened(DeskEntry.Opened entry);

        R deskChanged(DeskEntry.Changed entry);

        R warningFired(DeskEntry.WarningFired entry);

        R released(DeskEntry.Released entry);

        R deskRefused(DeskEntry.Refused entry);

        R notified(DeskEntry.Notified entry);

        R fieldDispatchChanged(FieldEntry.DispatchChanged entry);

        R fieldSmsQueued(FieldEntry.SmsQueued entry);

        R fieldReported(FieldEntry.Reported entry);
    }

    /** An entry about one call (its linkedid), and so about the call's record and work order. */
    sealed interface CallEntry extends JournalEntry permits Opened, Callback, Surveyed, Decision, Connected,
            Abandoned, Joined, Offered, Ended, HandedOff, Escalated, Bypassed, LegacyCallEntry {
        /** The call's linkedid, which names its work order. */
        String callId();
    }

    /**
     * Open the call's work order: asked on every call the journal can defer, so that the caller is routed without
     * waiting for the database. {@code occurredAt} is when the call arrived.
     *
     * @param callerNumber the caller's number, or {@code null}
     * @param customerId   the recognised customer, or {@code null}
     */
    record Opened(long sequence, Instant occurredAt, String callId, String callerNumber, Severity severity,
                  Tier tier, Long customerId) implements CallEntry {
        static final String KIND = "Opened";

        public Opened {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(tier, "tier");
        }

        /** The entry as the request the work order store opens. */
        CallWorkOrderRequest request(String asteriskServer) {
            return new CallWorkOrderRequest(asteriskServer, callId, callerNumber, customerId, severity, tier,
                    occurredAt);
        }

        static Opened read(long sequence, Instant at, JournalLine.Reader line) {
            return new Opened(sequence, at, line.text(), line.text(), line.value(Severity.class),
                    line.value(Tier.class), line.number());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(callerNumber).value(severity).value(tier).number(customerId);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.opened(this);
        }
    }

    /**
     * Call the caller back at {@code phoneNumber} by {@code dueAt}: chosen while the database was away, or by a
     * caller routed during an outage. {@code occurredAt} is when the caller chose it.
     */
    record Callback(long sequence, Instant occurredAt, String callId, String phoneNumber, Instant dueAt)
            implements CallEntry {
        static final String KIND = "Callback";

        public Callback {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        static Callback read(long sequence, Instant at, JournalLine.Reader line) {
            return new Callback(sequence, at, line.text(), line.text(), line.instant());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(phoneNumber).instant(dueAt);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.callback(this);
        }
    }

    /** The caller's post-call IVR score, 1-5, keyed at {@code occurredAt} (while the database was away, perhaps). */
    record Surveyed(long sequence, Instant occurredAt, String callId, int score) implements CallEntry {
        static final String KIND = "Surveyed";

        public Surveyed {
            Objects.requireNonNull(callId, "callId");
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("a score is 1-5, not " + score);
            }
        }

        static Surveyed read(long sequence, Instant at, JournalLine.Reader line) {
            return new Surveyed(sequence, at, line.text(), Math.toIntExact(line.number()));
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).number((long) score);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.surveyed(this);
        }
    }

    /** Why routing did what it did with the call, as a sentence for the trail. */
    record Decision(long sequence, Instant occurredAt, String callId, String why) implements CallEntry {
        static final String KIND = "Decision";

        public Decision {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(why, "why");
        }

        static Decision read(long sequence, Instant at, JournalLine.Reader line) {
            return new Decision(sequence, at, line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(why);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.decision(this);
        }
    }

    /** The call reached seat {@code seatId} after {@code waited} in queue. */
    record Connected(long sequence, Instant occurredAt, String callId, String seatId, Duration waited)
            implements CallEntry {
        static final String KIND = "Connected";

        public Connected {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(waited, "waited");
        }

        static Connected read(long sequence, Instant at, JournalLine.Reader line) {
            return new Connected(sequence, at, line.text(), line.text(), line.duration());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(seatId).duration(waited);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.connected(this);
        }
    }

    /** The caller left {@code queue} after {@code waited}, before reaching a seat. */
    record Abandoned(long sequence, Instant occurredAt, String callId, String queue, Duration waited)
            implements CallEntry {
        static final String KIND = "Abandoned";

        public Abandoned {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(waited, "waited");
        }

        static Abandoned read(long sequence, Instant at, JournalLine.Reader line) {
            return new Abandoned(sequence, at, line.text(), line.text(), line.duration());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(queue).duration(waited);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.abandoned(this);
        }
    }

    /**
     * A caller entered Hotline in {@code queue}: the call's record starts. Each of the others is {@code null} when
     * not known.
     *
     * @param channelId    the caller's channel (its uniqueid); {@code null}: the call's linkedid
     * @param productSkill the product line routing uses for the call
     */
    record Joined(long sequence, Instant occurredAt, String callId, String queue, String channelId,
                  String callerNumber, String dialledNumber, Long customerId, String productSkill)
            implements CallEntry {
        static final String KIND = "Joined";

        public Joined {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
        }

        static Joined read(long sequence, Instant at, JournalLine.Reader line) {
            return new Joined(sequence, at, line.text(), line.text(), line.text(), line.text(), line.text(),
                    line.number(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(queue).text(channelId).text(callerNumber).text(dialledNumber).number(customerId)
                    .text(productSkill);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.joined(this);
        }
    }

    /** Seat {@code seatId} was offered the call (its phone rang). */
    record Offered(long sequence, Instant occurredAt, String callId, String seatId) implements CallEntry {
        static final String KIND = "Offered";

        public Offered {
            Objects.requireNonNull(callId, "callId");
        }

        static Offered read(long sequence, Instant at, JournalLine.Reader line) {
            return new Offered(sequence, at, line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(seatId);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.offered(this);
        }
    }

    /** The conversation with seat {@code seatId} (or {@code null}: not known) ended after {@code talked}. */
    record Ended(long sequence, Instant occurredAt, String callId, String seatId, Duration talked)
            implements CallEntry {
        static final String KIND = "Ended";

        public Ended {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(talked, "talked");
        }

        static Ended read(long sequence, Instant at, JournalLine.Reader line) {
            return new Ended(sequence, at, line.text(), line.text(), line.duration());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(seatId).duration(talked);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ended(this);
        }
    }

    /** The caller left {@code queue} after {@code waited}, handed to {@code handoff}: not an abandon. */
    record HandedOff(long sequence, Instant occurredAt, String callId, String queue, Handoff handoff,
                     Duration waited) implements CallEntry {
        static final String KIND = "HandedOff";

        public HandedOff {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(handoff, "handoff");
            Objects.requireNonNull(waited, "waited");
        }

        static HandedOff read(long sequence, Instant at, JournalLine.Reader line) {
            return new HandedOff(sequence, at, line.text(), line.text(), line.value(Handoff.class), line.duration());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(queue).value(handoff).duration(waited);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.handedOff(this);
        }
    }

    /**
     * The live call was escalated to {@code queue}, from tier {@code fromTier} to {@code toTier}.
     *
     * @param seatId the seat that escalated it, or {@code null}: routing did
     * @param reason why, or {@code null}
     */
    record Escalated(long sequence, Instant occurredAt, String callId, String seatId, Tier fromTier, Tier toTier,
                     String queue, String reason) implements CallEntry {
        static final String KIND = "Escalated";

        public Escalated {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
        }

        static Escalated read(long sequence, Instant at, JournalLine.Reader line) {
            return new Escalated(sequence, at, line.text(), line.text(), line.value(Tier.class),
                    line.value(Tier.class), line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(seatId).value(fromTier).value(toTier).text(queue).text(reason);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.escalated(this);
        }
    }

    /**
     * Hotline started at {@code occurredAt}: every call of this Asterisk server still open in the database (it was
     * open when an earlier run stopped or died) is closed as the dialplan left it.
     */
    record Restarted(long sequence, Instant occurredAt) implements JournalEntry {
        static final String KIND = "Restarted";

        static Restarted read(long sequence, Instant at, JournalLine.Reader line) {
            return new Restarted(sequence, at);
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            // Nothing beyond the number and the time.
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.restarted(this);
        }
    }

    /**
     * Channel {@code channelId} of call {@code callId} went to the dialplan's fallback queue without entering
     * routing, for {@code reason}.
     *
     * @param callerNumber  the caller's number, or {@code null}
     * @param dialledNumber the number dialled, or {@code null}
     */
    record Bypassed(long sequence, Instant occurredAt, String callId, String channelId, String callerNumber,
                    String dialledNumber, String reason) implements CallEntry {
        static final String KIND = "Bypassed";

        public Bypassed {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(reason, "reason");
        }

        /** The entry as the hand-off the work order store records. */
        FallbackHandoff handoff(String asteriskServer) {
            return new FallbackHandoff(asteriskServer, callId, channelId, callerNumber, dialledNumber, reason,
                    occurredAt);
        }

        static Bypassed read(long sequence, Instant at, JournalLine.Reader line) {
            return new Bypassed(sequence, at, line.text(), line.text(), line.text(), line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(callId).text(channelId).text(callerNumber).text(dialledNumber).text(reason);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bypassed(this);
        }
    }

    /** Seat {@code seatId} changed to {@code state}, for {@code reason} (a not-ready reason) or {@code null}. */
    record SeatStateChanged(long sequence, Instant occurredAt, String seatId, SeatState state, String reason)
            implements JournalEntry {
        static final String KIND = "SeatStateChanged";

        public SeatStateChanged {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(state, "state");
        }

        static SeatStateChanged read(long sequence, Instant at, JournalLine.Reader line) {
            return new SeatStateChanged(sequence, at, line.text(), line.value(SeatState.class), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(seatId).value(state).text(reason);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.seatStateChanged(this);
        }
    }

    /**
     * Routing refused an input.
     *
     * @param subject what it concerned (a seat's code or a call's linkedid), or {@code null}
     * @param request what was asked ({@code login}, {@code ready}...), or {@code null}
     * @param reason  why; empty when routing gave no reason
     */
    record Refused(long sequence, Instant occurredAt, String subject, String request, String reason)
            implements JournalEntry {
        static final String KIND = "Refused";

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        static Refused read(long sequence, Instant at, JournalLine.Reader line) {
            return new Refused(sequence, at, line.text(), line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(subject).text(request).text(reason);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }
}
