package io.hotline.web.auth;

import io.hotline.web.http.AuthenticatedUser;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Accounts and their sessions, as the web side needs them; app implements it. Implementations must be
 * thread-safe: every method is called on event-loop threads.
 */
public interface AccountService {

    /**
     * Checks a login and password and opens a session. Must not block: the password hash is checked on the
     * implementation's own executor and the stage completed from there. Throttling comes back as
     * {@link LoginOutcome.Throttled}, an unknown login, a wrong password and a disabled account all as
     * {@link LoginOutcome.Refused}.
     *
     * @param remoteAddress the client's address, for per-address throttling and the audit
     */
    CompletionStage<LoginOutcome> login(String login, String password, String remoteAddress);

    /**
     * The user of a live (neither expired nor revoked) session token. From memory only: never blocks.
     */
    Optional<AuthenticatedUser> verify(String token);

    /** Ends the session of {@code token} at once (from memory) and in the database (later). */
    CompletionStage<Void> logout(String token);

    /** The name to show for {@code login}, from memory; the login itself when there is none. */
    String displayName(String login);
}
