/**
 * Sign-in and sessions for every person-facing endpoint: the {@link io.hotline.web.auth.AccountService} port that
 * app implements (accounts, password checks and sessions live there), the
 * {@link io.hotline.web.auth.SessionAuthenticator} that accepts a session token from {@code Authorization: Bearer}
 * or the {@code hotline_session} cookie (with {@code X-Hotline-Request: 1} required on state-changing
 * cookie requests, against cross-site request forgery), the routes {@code /api/login}, {@code /api/logout},
 * {@code /api/me} and the admin's account routes ({@link io.hotline.web.auth.AuthRoutes},
 * {@link io.hotline.web.auth.AdminRoutes}), and the audit of supervisors' and admins' changes
 * ({@link io.hotline.web.auth.AuditedRoutes}) through the {@link io.hotline.web.auth.PersonAudit} port.
 *
 * <p>Threading: everything here is called on event-loop threads and never blocks; password hashing and the
 * database run behind the ports' {@link java.util.concurrent.CompletionStage}s on app's executors. Stateless
 * apart from the ports; thread-safe.
 */
package io.hotline.web.auth;
