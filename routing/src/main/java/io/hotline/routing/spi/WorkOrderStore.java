package io.hotline.routing.spi;

import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.OpenedWorkOrder;
import java.util.concurrent.CompletionStage;

/**
 * Durable work orders. Implementations block on I/O: never call them on an event loop or the routing thread.
 * Implementations are thread-safe.
 */
public interface WorkOrderStore {

    /**
     * Opens the work order of a call, or returns the one it already has. Idempotent on
     * {@code (asteriskServer, linkedId)}: concurrent and repeated requests for the same call all get the same
     * work order, and exactly one of them sees {@link OpenedWorkOrder#created()} true.
     */
    OpenedWorkOrder openForCall(CallWorkOrderRequest request);

    /**
     * Asks for the call's work order to be opened through a durable log, in order ahead of everything routing
     * records for the call: used on every call where the store can (the caller is queued at once, without waiting
     * for the database), and when the database does not answer. Idempotent like {@link #openForCall}; never blocks.
     *
     * @return completes with true once the request is durable (it survives a crash of Hotline) and will reach the
     *         database; with false, at once, when this store cannot defer (it says so itself: there is no
     *         default): the caller must then wait for {@link #openForCall}
     */
    CompletionStage<Boolean> openLater(CallWorkOrderRequest request);

    /**
     * Records a channel of a call that went to the dialplan's fallback queue without entering routing (routing
     * overloaded, or a second session for a call already held): a call record with outcome FALLBACK and an event
     * on the call's work order (each hand-off; the channel's row is written once). An implementation that writes
     * later (durably) never blocks.
     */
    void handedToFallback(FallbackHandoff handoff);
}
