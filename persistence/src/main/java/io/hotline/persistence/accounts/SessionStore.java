package io.hotline.persistence.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code account_session} table: sessions by the SHA-256 of their token. A running Hotline holds the live ones
 * in memory ({@link #live(Instant)} at start) and learns of revocations made elsewhere (the CLI) with
 * {@link #revokedSince(Instant)}. Thread-safe; every method blocks on JDBC.
 */
public final class SessionStore {
    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Stores a new session. */
    public void insert(NewSession session) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO account_session (token_hash, account_id,"
                        + " created_at, expires_at, revoked_at, remote_address)"
                        + " VALUES (:hash, :account, :created, :expires, NULL, :address)")
                .bind("hash", session.tokenHash())
                .bind("account", session.accountId())
                .bind("created", session.createdAt())
                .bind("expires", session.expiresAt())
                .bind("address", session.remoteAddress().map(SessionStore::clip).orElse(null))
                .execute());
    }

    /** Revokes one session at {@code at}; false when it is unknown or was already revoked. */
    public boolean revoke(String tokenHash, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE account_session SET revoked_at = :at"
                        + " WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("at", at).bind("hash", tokenHash).execute() > 0);
    }

    /** Revokes every session of the account not yet revoked; returns how many. */
    public int revokeAll(long accountId, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE account_session SET revoked_at = :at"
                        + " WHERE account_id = :account AND revoked_at IS NULL")
                .bind("at", at).bind("account", accountId).execute());
    }

    /** Every session, not revoked and expiring after {@code now}, of an enabled account. */
    public List<LiveSession> live(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT ss.token_hash, ss.created_at AS opened_at,"
                        + " ss.expires_at, a.id, a.login, a.display_name, a.role, s.code AS seat_code,"
                        + " b.code AS branch_code, a.phone, a.password_hash, a.disabled, a.created_at, a.updated_at"
                        + " FROM account_session ss JOIN account a ON a.id = ss.account_id"
                        + " LEFT JOIN seat s ON s.id = a.seat_id LEFT JOIN branch b ON b.id = a.branch_id"
                        + " WHERE ss.revoked_at IS NULL AND ss.expires_at > :now AND a.disabled = FALSE")
                .bind("now", now)
                .map((row, context) -> new LiveSession(row.getString("token_hash"), AccountStore.map(row, context),
                        AccountStore.instant(row, "opened_at", context),
                        AccountStore.instant(row, "expires_at", context)))
                .list());
    }

    /** The token hashes of sessions revoked at or after {@code since}. */
    public List<String> revokedSince(Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT token_hash FROM account_session WHERE revoked_at >= :since")
                .bind("since", since).mapTo(String.class).list());
    }

    /** Deletes sessions that expired before {@code before}; returns how many. */
    public int deleteExpired(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM account_session WHERE expires_at < :before")
                .bind("before", before).execute());
    }

    /** Whether the session exists and is revoked (tests, and a check after a revocation). */
    public Optional<Instant> revokedAt(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT revoked_at FROM account_session WHERE token_hash = :hash")
                .bind("hash", tokenHash).mapTo(Instant.class).findOne());
    }

    private static String clip(String address) {
        return address.length() <= 64 ? address : address.substring(0, 64);
    }
}
