package io.hotline.persistence.dao;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A work order's audit trail: who did what, when and why. <b>Append-only</b>: this DAO deliberately has no
 * update or delete, and none may be added; a correction is a new event that says so. Events are read back in
 * the order they occurred, ties broken by insertion order. Thread-safe when obtained with
 * {@code Jdbi.onDemand}; confined to its handle's thread when attached (attach it to the handle of the
 * transaction that changes the work order, so the change and its event commit together).
 */
@RegisterConstructorMapper(WorkOrderEventRow.class)
public interface WorkOrderEventDao {

    /** Appends one event; returns its id. The {@code id} of {@code event} is ignored. */
    @SqlUpdate("INSERT INTO work_order_event (work_order_id, occurred_at, actor_kind, actor, action, from_state,"
            + " to_state, from_tier, to_tier, reason) VALUES (:workOrderId, :occurredAt, :actorKind, :actor, :action,"
            + " :fromState, :toState, :fromTier, :toTier, :reason)")
    @GetGeneratedKeys("id")
    long append(@BindMethods WorkOrderEventRow event);

    /**
     * Appends events in one batch (the routing engine's end-of-batch flush), in iteration order, which is
     * also their id order and so their tie-break order.
     */
    @SqlBatch("INSERT INTO work_order_event (work_order_id, occurred_at, actor_kind, actor, action, from_state,"
            + " to_state, from_tier, to_tier, reason) VALUES (:workOrderId, :occurredAt, :actorKind, :actor, :action,"
            + " :fromState, :toState, :fromTier, :toTier, :reason)")
    void appendAll(@BindMethods Iterable<WorkOrderEventRow> events);

    /** A work order's events, oldest first. */
    @SqlQuery("SELECT id, work_order_id, occurred_at, actor_kind, actor, action, from_state, to_state, from_tier,"
            + " to_tier, reason FROM work_order_event WHERE work_order_id = :workOrderId ORDER BY occurred_at, id")
    List<WorkOrderEventRow> listByWorkOrder(@Bind("workOrderId") long workOrderId);
}
