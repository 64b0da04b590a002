package io.hotline.web.push;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.RouteRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts {@code Authorization: Bearer <token>} or the cookie {@code hotline_session=<token>} for a fixed set of
 * tokens. Thread-safe (immutable).
 */
final class TokenAuthenticator implements Authenticator {

    private final Map<String, AuthenticatedUser> users;

    TokenAuthenticator(Map<String, AuthenticatedUser> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(RouteRequest request) {
        String authorization = request.headers().get("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return Optional.ofNullable(users.get(authorization.substring("Bearer ".length())));
        }
        String cookie = request.headers().get("Cookie");
        if (cookie != null) {
            for (String pair : cookie.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith("hotline_session=")) {
                    return Optional.ofNullable(users.get(trimmed.substring("hotline_session=".length())));
                }
            }
        }
        return Optional.empty();
    }
}
