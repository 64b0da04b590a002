package io.hotline.web.console;

import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the duty manager's console needs from the rest of Hotline: the dispatch orders as the service desk last
 * published them, the branches and engineers, the order's trail and SMS history from the database, and the desk's
 * verdict on the field leg's events. Implemented in {@code app} (docs/field-service.md, "Who does what").
 * <p>
 * Threading: called on event loops. The views answer from memory at once and never block; the others return a
 * future completed later on another thread (the service desk's, a blocking executor's) and completed exceptionally
 * only when Hotline cannot take the request now (an inbox full, the desk stopped, the database down).
 * Implementations are thread-safe.
 */
public interface ConsoleBackend {

    /** Whether the service desk has loaded its dispatch orders; until then every console endpoint answers 503. */
    boolean ready();

    /** Now, by the clock the desk's deadlines run on (for the clocks' remaining seconds). */
    Instant now();

    /** The branches and engineers, as loaded at start. From memory. */
    FieldDirectory directory();

    /**
     * The dispatch orders the branch holds now (its current leg is the branch's), open ones and those closed or
     * cancelled in the last 24 hours, in no particular order. From memory.
     */
    List<StoredDispatch> orders(String branchCode);

    /** Every open dispatch order of every branch, the unplaced ones included (headquarters' view). From memory. */
    List<StoredDispatch> openOrders();

    /** The dispatch order of this work order, open or recently closed, or empty. From memory. */
    Optional<StoredDispatch> order(long workOrderId);

    /** The order's trail, oldest step first (from the database). */
    CompletableFuture<List<FieldStep>> trail(long workOrderId);

    /** The SMS sent and received about the order, oldest first (from the database). */
    CompletableFuture<List<SmsView>> sms(long workOrderId);

    /**
     * Offers {@code event} to the service desk and answers with what the desk emitted for exactly that event: the
     * order after it, or the desk's refusal in its own words.
     */
    CompletableFuture<Outcome> act(FieldEvent event);

    /**
     * Originates the follow-up call of a completed order: the phone of {@code login}'s account first, then the
     * customer's number once answered. Refused (with the reason for the person) when the account has no phone,
     * the order has no follow-up due or no contact number, or AMI is not connected. Answers once the PBX took the
     * request, with the order as it is.
     *
     * @param login the supervisor's or duty manager's login, whose account names the phone to ring first
     */
    CompletableFuture<Outcome> callFollowUp(long workOrderId, String login);

    /**
     * How an action ended: the dispatch order after it, or the refusal's words. Immutable.
     *
     * @param dispatch the order after the action, or {@code null} when refused
     * @param refusal  why it was refused, or {@code null} when applied
     */
    record Outcome(StoredDispatch dispatch, String refusal) {
        public Outcome {
            if ((dispatch == null) == (refusal == null)) {
                throw new IllegalArgumentException("an outcome is either a dispatch or a refusal");
            }
        }

        /** Applied: {@code after} is the order now. */
        public static Outcome changed(StoredDispatch after) {
            return new Outcome(Objects.requireNonNull(after, "after"), null);
        }

        /** Refused, for {@code why} (the desk's or the PBX's own words). */
        public static Outcome refused(String why) {
            return new Outcome(null, Objects.requireNonNull(why, "why"));
        }

        /** Whether it was refused. */
        public boolean isRefused() {
            return refusal != null;
        }
    }
}
