package io.hotline.web.desktop;

import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the desktop API needs from the rest of Hotline: in-memory views of seats and open work orders, and the
 * engines' verdicts on what people ask. Implemented in {@code app}.
 * <p>
 * Threading: called on event loops. The views answer from memory at once and never block; the actions return a
 * stage completed later on another thread (an engine's, or a blocking executor's) and complete exceptionally only
 * when Hotline cannot take the request now (an inbox full, an engine stopped). Implementations are thread-safe.
 */
public interface DesktopBackend {

    /** Whether the service desk has loaded its work orders; until then every endpoint answers 503. */
    boolean ready();

    /** Now, by the clock the views are kept by (for remaining seconds and durations). */
    Instant now();

    /** The seat with this code, or empty when there is no such seat. */
    Optional<SeatCard> seat(String seatId);

    /**
     * The seat's current screen-pop (offered or answered), as the {@code screen_pop} push sent it, or empty. Any
     * value the people API's JSON writer can write.
     */
    Optional<Object> screenPop(String seatId);

    /** The open work order with this id, or empty (none, or closed or cancelled). */
    Optional<WorkOrderView> workOrder(long id);

    /** Every seat, as the supervisors' board shows it, in no particular order. From memory. */
    List<SeatCard> seats();

    /** Every open work order, in no particular order. From memory. */
    List<WorkOrderView> workOrders();

    /** Asks routing to apply a seat request, as the seat's keypad would; answers with routing's verdict. */
    CompletionStage<SeatVerdict> seatRequest(String seatId, SeatAction action, String reason);

    /** Asks the service desk (and routing, for a live call) to apply {@code action}. */
    CompletionStage<ActionOutcome> act(WorkOrderAction action);

    /**
     * Rings the supervisor's own phone (their account's {@code phone}) into the call of {@code seatId}'s phone in
     * {@code mode}; refused, with the reason for the supervisor, when the account has no phone, the seat is on no
     * call or the PBX cannot take it (no AMI).
     *
     * @param supervisorLogin the supervisor's login, whose account names their phone
     */
    CompletionStage<CallMonitor.Result> monitor(String supervisorLogin, String seatId, CallMonitor.Mode mode);

    /** The open callbacks with their attempts, earliest due first, at most {@code limit} (a blocking executor). */
    CompletionStage<List<CallbackLedger.OpenCallback>> callbacks(int limit);

    /**
     * Searches the knowledge base (on a blocking executor).
     *
     * @param query       what was typed; not blank
     * @param productLine only articles of this product line (and those for every product), when present
     * @param limit       at most this many, 1 to 100
     */
    CompletionStage<List<KnowledgeHit>> searchKnowledge(String query, Optional<String> productLine, int limit);
}
