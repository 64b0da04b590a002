package io.hotline.web.auth;

import io.hotline.web.http.AuthenticatedUser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a user appears in JSON: {@code {"login","displayName","role","seat","branch"}}, seat and branch
 * {@code null} when the role binds none. Stateless.
 */
final class UserJson {
    private UserJson() {
    }

    /** The user's one role, or {@code null} when it has none. */
    static String role(AuthenticatedUser user) {
        return user.roles().stream().sorted().findFirst().orElse(null);
    }

    /** The user as a JSON object (a map Jackson writes in order). */
    static Map<String, Object> user(AuthenticatedUser user, String displayName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.name());
        json.put("displayName", displayName);
        json.put("role", role(user));
        json.put("seat", user.seatId());
        json.put("branch", user.branchCode());
        return json;
    }
}
