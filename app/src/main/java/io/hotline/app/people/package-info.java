/**
 * The people who use Hotline: accounts, sign-in and sessions ({@link io.hotline.app.people.AccountsService}, which
 * implements web's {@link io.hotline.web.auth.AccountService}), login throttling
 * ({@link io.hotline.app.people.LoginThrottle}), the audit of person actions written to {@code person_audit}
 * ({@link io.hotline.app.people.JdbiPersonAudit}), account administration shared by the CLI
 * ({@code hotline user}) and the admin API, and the small wiring Hotline calls
 * ({@link io.hotline.app.people.People}).
 *
 * <p>Threading: sessions live in a {@link java.util.concurrent.ConcurrentHashMap} read on event loops without
 * blocking; password hashing and every database call run on the bounded {@code accounts-N} executor; revocations
 * made by another process (the CLI) are polled from the database by the {@code accounts-poll} thread; audit rows
 * are written by the single {@code person-audit} thread.
 */
package io.hotline.app.people;
