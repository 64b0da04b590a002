package io.hotline.web.wallboard;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Roles;
import java.util.Set;

/**
 * Who may watch the wallboard, in one place (docs/api.md, "Wallboard"): supervisors and admins with their session,
 * and the wall screen's read-only token ({@link #TOKEN_USER}); agents and duty managers may not. The token's user
 * has only the role {@link Roles#WALLBOARD}, which no other route accepts, and a name no login can have (logins
 * have no space), so no push to a person reaches it. Stateless, thread-safe.
 */
public final class WallboardAccess {

    /** The user a request carrying {@code HOTLINE_WALLBOARD_TOKEN} is made by. */
    public static final AuthenticatedUser TOKEN_USER = new AuthenticatedUser("wallboard token",
            Set.of(Roles.WALLBOARD));

    private WallboardAccess() {
    }

    /** Whether the user may read the wallboard and hear its pushes. */
    public static boolean mayWatch(AuthenticatedUser user) {
        return user.supervises() || user.hasRole(Roles.WALLBOARD);
    }
}
