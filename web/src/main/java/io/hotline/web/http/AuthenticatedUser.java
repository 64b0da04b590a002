package io.hotline.web.http;

import java.util.Objects;
import java.util.Set;

/**
 * Who made an authenticated request, as the {@link Authenticator} established it.
 *
 * @param name  the user's login name, e.g. a seat agent's id
 * @param roles what the user may do, e.g. {@code agent} or {@code duty-manager}
 */
public record AuthenticatedUser(String name, Set<String> roles) {

    public AuthenticatedUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }
}
