package io.hotline.routing.spi;

import io.hotline.routing.workorder.CallWorkOrderRequest;
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
}
