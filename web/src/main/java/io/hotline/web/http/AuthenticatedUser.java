package io.hotline.web.http;

import java.util.Objects;
import java.util.Set;

/**
 * Who made an authenticated request, as the {@link Authenticator} established it. Immutable.
 *
 * @param name       the user's login name
 * @param roles      what the user may do: {@link Roles#AGENT}, {@link Roles#SUPERVISOR},
 *                   {@link Roles#DUTY_MANAGER}, {@link Roles#ADMIN}
 * @param seatId     the seat an agent is bound to (the seat's code), or {@code null}
 * @param branchCode the branch a duty manager is bound to, or {@code null}
 */
public record AuthenticatedUser(String name, Set<String> roles, String seatId, String branchCode) {

    public AuthenticatedUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    /** A user bound to no seat and no branch. */
    public AuthenticatedUser(String name, Set<String> roles) {
        this(name, roles, null, null);
    }

    /** Whether the user has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the user is the agent of {@code seat}. */
    public boolean isAgentOf(String seat) {
        return hasRole(Roles.AGENT) && seatId != null && seatId.equals(seat);
    }

    /** Whether the user watches and steers every seat: a supervisor or an admin. */
    public boolean supervises() {
        return hasRole(Roles.SUPERVISOR) || hasRole(Roles.ADMIN);
    }
}
