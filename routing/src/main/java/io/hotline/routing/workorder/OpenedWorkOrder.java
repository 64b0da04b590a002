package io.hotline.routing.workorder;

/**
 * The answer to "open the work order for this call": the work order, and whether this request created it
 * ({@code false} when the call already had one, e.g. a retried AGI request or an escalation re-entry).
 *
 * @param workOrder the call's one work order
 * @param created   whether this request inserted it
 */
public record OpenedWorkOrder(WorkOrder workOrder, boolean created) {
}
