package io.hotline.routing.spi;

import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.OpenedWorkOrder;

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
     * Asks for the call's work order to be opened once the database answers again, after {@link #openForCall}
     * failed because it did not: the caller is routed meanwhile, and what routing records for the call follows
     * the work order in order. Durable (it survives a restart), idempotent like {@link #openForCall}, and never
     * blocks. Returns false when this store cannot defer (the default): the caller then cannot be routed.
     */
    default boolean openLater(CallWorkOrderRequest request) {
        return false;
    }

    /**
     * Records a channel of a call that went to the dialplan's fallback queue without entering routing (routing
     * overloaded, or a second session for a call already held): a call record with outcome FALLBACK and an event
     * on the call's work order (each hand-off; the channel's row is written once). An implementation that writes
     * later (durably) never blocks.
     */
    void handedToFallback(FallbackHandoff handoff);
}
