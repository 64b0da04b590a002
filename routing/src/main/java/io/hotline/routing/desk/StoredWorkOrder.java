package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.util.Objects;

/**
 * A work order as the desk holds it and as the store keeps it: every command that opens or changes a work order
 * carries its whole stored form, and {@link ServiceDesk#restore} builds the desk back from these.
 *
 * @param id          the key, allocated by the desk (persistence inserts it as given)
 * @param origin      how it came
 * @param call        the call it is for, or {@code null} (e-mail, walk-in)
 * @param problem     who and about what
 * @param summary     the seat's summary (e-mail, walk-in), or {@code null}
 * @param severity    P1 to P3
 * @param state       where it is in its life
 * @param tier        its rung on the ladder
 * @param ownerSeatId the seat that owns it, or {@code null}
 * @param times       when it was opened, called back, responded, resolved, closed
 * @param response    the response clock
 * @param resolution  the resolution clock
 * @param contacts    human contacts with the customer so far
 * @param reopens     how often it was reopened
 * @param auditCount  how many audit events its trail has (the last one's sequence)
 * @param details     category, notes, resolution text and on-site address ({@link WorkOrderDetails#NONE} when
 *                    nobody wrote any)
 */
public record StoredWorkOrder(long id, Origin origin, CallKey call, CustomerProblem problem, String summary,
                              Severity severity, WorkOrderState state, Tier tier, String ownerSeatId,
                              WorkOrderTimes times, SlaClockState response, SlaClockState resolution, int contacts,
                              int reopens, int auditCount, WorkOrderDetails details) {

    public StoredWorkOrder {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(resolution, "resolution");
        if (id <= 0) {
            throw new IllegalArgumentException("work order ids are positive: " + id);
        }
        if ((origin == Origin.CALL) != (call != null)) {
            throw new IllegalArgumentException("work order " + id + ": a call's work order names its call, others"
                    + " none (origin " + origin + ", call " + call + ")");
        }
    }

    /** A work order nobody wrote details on ({@link WorkOrderDetails#NONE}). */
    public StoredWorkOrder(long id, Origin origin, CallKey call, CustomerProblem problem, String summary,
                           Severity severity, WorkOrderState state, Tier tier, String ownerSeatId,
                           WorkOrderTimes times, SlaClockState response, SlaClockState resolution, int contacts,
                           int reopens, int auditCount) {
        this(id, origin, call, problem, summary, severity, state, tier, ownerSeatId, times, response, resolution,
                contacts, reopens, auditCount, WorkOrderDetails.NONE);
    }

    /** This work order with {@code other} details (what the store read beside the rest). */
    public StoredWorkOrder withDetails(WorkOrderDetails other) {
        return new StoredWorkOrder(id, origin, call, problem, summary, severity, state, tier, ownerSeatId, times,
                response, resolution, contacts, reopens, auditCount, other);
    }

    /** The clock of {@code kind}. */
    public SlaClockState clock(ClockKind kind) {
        return kind == ClockKind.RESPONSE ? response : resolution;
    }

    /** This work order with {@code level} of clock {@code kind} fired (what the store records for a warning). */
    public StoredWorkOrder withFired(ClockKind kind, WarningLevel level) {
        SlaClockState responseAfter = kind == ClockKind.RESPONSE ? response.withFired(level) : response;
        SlaClockState resolutionAfter = kind == ClockKind.RESOLUTION ? resolution.withFired(level) : resolution;
        return new StoredWorkOrder(id, origin, call, problem, summary, severity, state, tier, ownerSeatId, times,
                responseAfter, resolutionAfter, contacts, reopens, auditCount, details);
    }
}
