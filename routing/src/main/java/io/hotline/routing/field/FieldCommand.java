package io.hotline.routing.field;

import java.time.Instant;
import java.util.Objects;

/**
 * What the field leg decided. Several go to more than one port: a dispatch change is stored and pushed to the
 * branch's console. Immutable.
 */
public sealed interface FieldCommand {

    /** A dispatch order was opened or changed: store its new form, append the step, push it to the branch. */
    record DispatchChanged(StoredDispatch dispatch, FieldStep step) implements FieldCommand {
        public DispatchChanged {
            Objects.requireNonNull(dispatch, "dispatch");
            Objects.requireNonNull(step, "step");
        }
    }

    /**
     * Send an SMS. Stored before it is sent and sent once: {@code (workOrderId, key)} is unique, so a command
     * replayed after a crash is not sent twice.
     *
     * @param workOrderId the dispatch order it is about, or 0 for none
     * @param key         what it is, unique per order ({@code dispatch-1}, {@code assigned-E07}, ...)
     * @param to          the phone, normalised
     * @param body        the text
     */
    record SendSms(long workOrderId, String key, String to, String body) implements FieldCommand {
        public SendSms {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Tell headquarters (the supervisors' board, durably): an order went to the next branch, no branch could take
     * it, the assignment deadline passed.
     *
     * @param kind what happened, a stable upper-case name ({@code REDISPATCHED}, {@code UNPLACED},
     *             {@code ASSIGN_WARNING}, {@code ASSIGN_BREACHED}, {@code FOLLOW_UP_UNREACHABLE})
     * @param text the particulars in words
     */
    record HeadquartersAlert(long workOrderId, String kind, String text, Instant at) implements FieldCommand {
        public HeadquartersAlert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The follow-up is due: a task on the branch's console (with AMI connected, Hotline can originate the call,
     * the supervisor's phone first, then the customer).
     */
    record FollowUpDue(long workOrderId, String branchCode, String contactNumber, int attempt, Instant at)
            implements FieldCommand {
        public FollowUpDue {
            Objects.requireNonNull(branchCode, "branchCode");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The service event closed with its score: report it to headquarters (the feed the wallboard and report read). */
    record ServiceReported(StoredDispatch dispatch, Instant at) implements FieldCommand {
        public ServiceReported {
            Objects.requireNonNull(dispatch, "dispatch");
            Objects.requireNonNull(at, "at");
        }
    }
}
