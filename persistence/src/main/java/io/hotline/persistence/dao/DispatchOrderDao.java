package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * On-site dispatch orders and their steps. Every step is one guarded update,
 * {@code WHERE id = :id AND state IN (...)}, that moves the state forward, stamps the step's time and bumps
 * {@code version}; it returns {@code false} and changes nothing when the order is not in a state the step may
 * follow (a step out of order, a replayed SMS, a race with cancellation). Thread-safe when obtained with
 * {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 *
 * <pre>
 * CREATED -sent-> SENT -acknowledged-> ACKNOWLEDGED -assigned-> ASSIGNED -appointment-> SCHEDULED
 *   (SENT -assigned-> ASSIGNED also acknowledges; SCHEDULED -appointment-> SCHEDULED reschedules)
 * ASSIGNED | SCHEDULED -arrived-> ON_SITE -completed-> COMPLETED -closed-> CLOSED
 * any state before COMPLETED -cancelled-> CANCELLED
 * </pre>
 */
@RegisterConstructorMapper(DispatchOrderRow.class)
public interface DispatchOrderDao {

    /** The columns of {@code dispatch_order}, in {@link DispatchOrderRow}'s order. */
    String COLUMNS = "id, work_order_id, branch_id, engineer_id, state, distance_km, created_at, send_due_at,"
            + " sent_at, acknowledged_at, assign_due_at, assigned_at, appointment_at, arrived_at, completed_at,"
            + " survey_due_at, closed_at, cancelled_at, cancel_reason, version";

    /** Creates an order in state {@code CREATED}; returns its id. */
    @SqlUpdate("INSERT INTO dispatch_order (work_order_id, branch_id, state, distance_km, created_at, send_due_at)"
            + " VALUES (:workOrderId, :branchId, 'CREATED', :distanceKm, :createdAt, :sendDueAt)")
    @GetGeneratedKeys("id")
    long create(@Bind("workOrderId") long workOrderId, @Bind("branchId") long branchId,
                @Bind("distanceKm") Double distanceKm, @Bind("createdAt") Instant createdAt,
                @Bind("sendDueAt") Instant sendDueAt);

    /** CREATED to SENT: the order reached the branch; the assignment clock starts. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'SENT', sent_at = :at, assign_due_at = :assignDueAt,"
            + " version = version + 1 WHERE id = :id AND state = 'CREATED'")
    boolean markSent(@Bind("id") long id, @Bind("at") Instant at, @Bind("assignDueAt") Instant assignDueAt);

    /** SENT to ACKNOWLEDGED: the duty manager confirmed receipt. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'ACKNOWLEDGED', acknowledged_at = :at, version = version + 1"
            + " WHERE id = :id AND state = 'SENT'")
    boolean markAcknowledged(@Bind("id") long id, @Bind("at") Instant at);

    /** SENT or ACKNOWLEDGED to ASSIGNED: an engineer is assigned (an assignment also acknowledges receipt). */
    @SqlUpdate("UPDATE dispatch_order SET state = 'ASSIGNED', engineer_id = :engineerId, assigned_at = :at,"
            + " acknowledged_at = COALESCE(acknowledged_at, :at), version = version + 1"
            + " WHERE id = :id AND state IN ('SENT', 'ACKNOWLEDGED')")
    boolean markAssigned(@Bind("id") long id, @Bind("engineerId") long engineerId, @Bind("at") Instant at);

    /** ASSIGNED or SCHEDULED to SCHEDULED: a visit time is agreed (again, when rescheduled). */
    @SqlUpdate("UPDATE dispatch_order SET state = 'SCHEDULED', appointment_at = :appointmentAt,"
            + " version = version + 1 WHERE id = :id AND state IN ('ASSIGNED', 'SCHEDULED')")
    boolean markAppointment(@Bind("id") long id, @Bind("appointmentAt") Instant appointmentAt);

    /** ASSIGNED or SCHEDULED to ON_SITE: the engineer reported arrival. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'ON_SITE', arrived_at = :at, version = version + 1"
            + " WHERE id = :id AND state IN ('ASSIGNED', 'SCHEDULED')")
    boolean markArrived(@Bind("id") long id, @Bind("at") Instant at);

    /** ON_SITE to COMPLETED: the engineer reported completion; the satisfaction call becomes due. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'COMPLETED', completed_at = :at, survey_due_at = :surveyDueAt,"
            + " version = version + 1 WHERE id = :id AND state = 'ON_SITE'")
    boolean markCompleted(@Bind("id") long id, @Bind("at") Instant at, @Bind("surveyDueAt") Instant surveyDueAt);

    /** COMPLETED to CLOSED. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'CLOSED', closed_at = :at, version = version + 1"
            + " WHERE id = :id AND state = 'COMPLETED'")
    boolean markClosed(@Bind("id") long id, @Bind("at") Instant at);

    /** Any state before COMPLETED to CANCELLED, with the reason. */
    @SqlUpdate("UPDATE dispatch_order SET state = 'CANCELLED', cancelled_at = :at, cancel_reason = :reason,"
            + " version = version + 1"
            + " WHERE id = :id AND state IN ('CREATED', 'SENT', 'ACKNOWLEDGED', 'ASSIGNED', 'SCHEDULED', 'ON_SITE')")
    boolean markCancelled(@Bind("id") long id, @Bind("at") Instant at, @Bind("reason") String reason);

    /** The order with this id. */
    @SqlQuery("SELECT " + COLUMNS + " FROM dispatch_order WHERE id = :id")
    Optional<DispatchOrderRow> find(@Bind("id") long id);

    /** A work order's dispatch orders, oldest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM dispatch_order WHERE work_order_id = :workOrderId ORDER BY id")
    List<DispatchOrderRow> listByWorkOrder(@Bind("workOrderId") long workOrderId);

    /**
     * Every order not yet closed, cancelled or redispatched, with its due times, oldest first: what the
     * dispatch timers reload at start (see {@link DispatchOrderRow#nextDueAt()}).
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM dispatch_order"
            + " WHERE state NOT IN ('CLOSED', 'CANCELLED', 'REDISPATCHED') ORDER BY id")
    List<DispatchOrderRow> listOpen();
}
