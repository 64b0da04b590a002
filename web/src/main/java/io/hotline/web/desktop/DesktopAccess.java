package io.hotline.web.desktop;

import io.hotline.routing.desk.Actor;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Roles;
import java.util.Optional;

/**
 * Who may do what on the desktop API, in one place (docs/api.md, "Roles"): an agent only on their own seat and on
 * the work orders offered to or owned by their seat; supervisors and admins on any work order and on the
 * supervisors' board (every seat's state, reassigning, monitoring, the callbacks); duty managers on nothing here.
 * Stateless, thread-safe.
 */
final class DesktopAccess {

    private DesktopAccess() {
    }

    /** Whether the user is an agent bound to a seat (who may act on that seat). */
    static boolean hasSeat(AuthenticatedUser user) {
        return user.hasRole(Roles.AGENT) && user.seatId() != null;
    }

    /** Whether the user may use the desktop at all: an agent with a seat, a supervisor or an admin. */
    static boolean mayUseDesktop(AuthenticatedUser user) {
        return hasSeat(user) || user.supervises();
    }

    /**
     * Whether the user may use the supervisors' side: see every seat and open work order and the callbacks, change
     * any seat's state, reassign a work order, listen to a seat's call. Supervisors and admins only.
     */
    static boolean maySupervise(AuthenticatedUser user) {
        return user.supervises();
    }

    /**
     * Whether the user may see and act on {@code workOrder}.
     *
     * @param seat the agent's seat as routing last told it (its offered or connected call), when known
     */
    static boolean mayActOn(AuthenticatedUser user, WorkOrderView workOrder, Optional<SeatCard> seat) {
        if (user.supervises()) {
            return true;
        }
        if (!hasSeat(user)) {
            return false;
        }
        if (user.seatId().equals(workOrder.ownerSeatId())) {
            return true;
        }
        // Routing may offer a call before the desk opened its work order: the call names it as well.
        String callId = workOrder.workOrder().call() == null ? null : workOrder.workOrder().call().linkedId();
        return seat.filter(card -> user.isAgentOf(card.seat())).map(SeatCard::call)
                .map(call -> call.workOrderId() != null && call.workOrderId() == workOrder.id()
                        || call.callId().equals(callId)).orElse(false);
    }

    /** Who the work order's audit trail names: the agent's seat, or the supervisor's login. */
    static Actor actor(AuthenticatedUser user) {
        return user.supervises() || !hasSeat(user) ? Actor.supervisor(user.name()) : Actor.seat(user.seatId());
    }
}
