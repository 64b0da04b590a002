package io.hotline.web.console;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Roles;

/**
 * Who may do what on the duty manager's console, in one place (docs/api.md, "Duty manager's console"): a duty
 * manager only on the dispatch orders their branch holds now (the order's current leg is their branch's);
 * supervisors and admins on every order of every branch, and they alone place an order by hand; agents on
 * nothing. The same rules decide who hears a dispatch order's pushes. Stateless, thread-safe.
 */
final class ConsoleAccess {

    private ConsoleAccess() {
    }

    /** Whether the user is a duty manager bound to a branch. */
    static boolean isDutyManager(AuthenticatedUser user) {
        return user.hasRole(Roles.DUTY_MANAGER) && user.branchCode() != null;
    }

    /** Whether the user may use the console at all: a duty manager with a branch, a supervisor or an admin. */
    static boolean mayUseConsole(AuthenticatedUser user) {
        return user.supervises() || isDutyManager(user);
    }

    /** Whether the user may see every branch (headquarters): supervisors and admins. */
    static boolean seesEveryBranch(AuthenticatedUser user) {
        return user.supervises();
    }

    /** Whether the user may see the console of {@code branchCode}. */
    static boolean maySeeBranch(AuthenticatedUser user, String branchCode) {
        return user.supervises() || isDutyManager(user) && user.branchCode().equals(branchCode);
    }

    /** Whether the user may see and act on {@code dispatch}: their branch holds it, or they supervise. */
    static boolean mayActOn(AuthenticatedUser user, StoredDispatch dispatch) {
        return user.supervises() || isDutyManager(user) && user.branchCode().equals(dispatch.branchCode());
    }

    /** Whether the user may place an order on a branch by hand: headquarters only. */
    static boolean mayPlace(AuthenticatedUser user) {
        return user.supervises();
    }

    /**
     * Whether the user hears the pushes about {@code dispatch}: supervisors and admins always, a duty manager when
     * one of the order's legs went to their branch (so a branch whose leg expired sees the order leave).
     */
    static boolean hears(AuthenticatedUser user, StoredDispatch dispatch) {
        if (user.supervises()) {
            return true;
        }
        if (!isDutyManager(user)) {
            return false;
        }
        for (DispatchLeg leg : dispatch.legs()) {
            if (user.branchCode().equals(leg.branchCode())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user hears a push about the branch {@code branchCode} (or headquarters' only, when null). */
    static boolean hearsBranch(AuthenticatedUser user, String branchCode) {
        return user.supervises() || branchCode != null && isDutyManager(user) && user.branchCode().equals(branchCode);
    }

    /** Who the dispatch's trail names: the supervisor's or the duty manager's login. */
    static Actor actor(AuthenticatedUser user) {
        return user.supervises() ? Actor.supervisor(user.name()) : new Actor(ActorKind.DUTY_MANAGER, user.name());
    }
}
