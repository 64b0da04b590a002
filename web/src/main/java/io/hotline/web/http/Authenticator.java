package io.hotline.web.http;

import java.util.Optional;

/**
 * Decides who made a request to an {@link Access#AUTHENTICATED} route, typically from its
 * {@code Authorization} header. Called on an event-loop thread before the route's handler: it must not block
 * (check tokens against memory, not the database). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {

    /** Accepts nobody; the default while Hotline has no person-facing routes. */
    Authenticator DENY_ALL = request -> Optional.empty();

    /** The caller, or empty to answer 401 without calling the route's handler. */
    Optional<AuthenticatedUser> authenticate(RouteRequest request);

    /** The {@code WWW-Authenticate} header sent with a 401, telling the client how to authenticate. */
    default String challenge() {
        return "Bearer realm=\"hotline\"";
    }
}
