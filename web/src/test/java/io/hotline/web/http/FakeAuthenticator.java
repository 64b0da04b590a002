package io.hotline.web.http;

import java.util.Optional;
import java.util.Set;

/** Accepts exactly {@code Authorization: Bearer good-token}, as seat agent {@code agent-7}. Thread-safe. */
public final class FakeAuthenticator implements Authenticator {

    /** The one accepted {@code Authorization} header value. */
    public static final String GOOD_TOKEN = "Bearer good-token";

    @Override
    public Optional<AuthenticatedUser> authenticate(RouteRequest request) {
        if (GOOD_TOKEN.equals(request.headers().get("Authorization"))) {
            return Optional.of(new AuthenticatedUser("agent-7", Set.of("agent")));
        }
        return Optional.empty();
    }
}
