package io.hotline.app;

import io.hotline.routing.desk.DeskEvent;
import java.time.Instant;
import java.util.List;

/**
 * The calls that joined Hotline but have no work order: the call engine recorded them (their {@code JOINED}
 * entry is in the durable journal) and Hotline stopped or died before the desk's opening was written. Asked once
 * at start, after the desk is restored and before calls are taken; the desk is told each as a
 * {@link DeskEvent.CallArrived} (its refusal of a second arrival keeps every call to one work order).
 * <p>
 * Declared here, in {@code app}, until persistence's query for it (the service desk's store, issue 14) is wired
 * in its place; implementations block on I/O and are called on the lifecycle thread only.
 */
@FunctionalInterface
interface OrphanCalls {

    /** The arrivals of the calls that joined since {@code since} and have no work order, oldest first. */
    List<DeskEvent.CallArrived> joinedWithoutWorkOrder(Instant since);
}
