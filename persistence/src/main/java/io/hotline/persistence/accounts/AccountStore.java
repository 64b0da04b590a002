package io.hotline.persistence.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code account} table: add, find, change a password, disable, list. It checks only what the database must
 * (the login is free, the seat and branch exist, the role has the seat or branch it needs); it decides nothing
 * about who may do what. Thread-safe; every method blocks on JDBC.
 */
public final class AccountStore {
    private static final String SELECT = "SELECT a.id, a.login, a.display_name, a.role, s.code AS seat_code,"
            + " b.code AS branch_code, a.phone, a.password_hash, a.disabled, a.created_at, a.updated_at"
            + " FROM account a LEFT JOIN seat s ON s.id = a.seat_id LEFT JOIN branch b ON b.id = a.branch_id";

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Adds {@code account} at {@code at}; refused (nothing written) when the login is taken or a code unknown. */
    public AddOutcome add(NewAccount account, Instant at) {
        if (account.role() == AccountRole.AGENT && account.seatCode().isEmpty()) {
            return new AddOutcome.Refused("an agent's account needs a seat (--seat CODE)");
        }
        if (account.role() == AccountRole.DUTY_MANAGER && account.branchCode().isEmpty()) {
            return new AddOutcome.Refused("a duty manager's account needs a branch (--branch CODE)");
        }
        return jdbi.inTransaction(handle -> {
            if (findIn(handle, account.login()).isPresent()) {
                return new AddOutcome.Refused("login '" + account.login() + "' is taken");
            }
            Optional<Long> seat = idOf(handle, "seat", account.seatCode());
            if (account.seatCode().isPresent() && seat.isEmpty()) {
                return new AddOutcome.Refused("there is no seat '" + account.seatCode().get() + "'");
            }
            Optional<Long> branch = idOf(handle, "branch", account.branchCode());
            if (account.branchCode().isPresent() && branch.isEmpty()) {
                return new AddOutcome.Refused("there is no branch '" + account.branchCode().get() + "'");
            }
            handle.createUpdate("INSERT INTO account (login, display_name, role, seat_id, branch_id, phone,"
                            + " password_hash, disabled, created_at, updated_at) VALUES (:login, :name, :role, :seat,"
                            + " :branch, :phone, :hash, FALSE, :at, :at)")
                    .bind("login", account.login())
                    .bind("name", account.displayName())
                    .bind("role", account.role().name())
                    .bind("seat", seat.orElse(null))
                    .bind("branch", branch.orElse(null))
                    .bind("phone", account.phone().orElse(null))
                    .bind("hash", account.passwordHash())
                    .bind("at", at)
                    .execute();
            return new AddOutcome.Added(findIn(handle, account.login()).orElseThrow());
        });
    }

    /** The account with this login, enabled or not. */
    public Optional<Account> find(String login) {
        return jdbi.withHandle(handle -> findIn(handle, login));
    }

    /** Every account, by login. */
    public List<Account> list() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " ORDER BY a.login")
                .map(AccountStore::map).list());
    }

    /** Whether some enabled account has the admin role. */
    public boolean hasEnabledAdmin() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM account WHERE role = 'ADMIN' AND disabled = FALSE")
                .mapTo(Integer.class).one() > 0);
    }

    /** Replaces the account's password hash; false when there is no such login. */
    public boolean changePassword(String login, String passwordHash, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE account SET password_hash = :hash, updated_at = :at WHERE login = :login")
                .bind("hash", passwordHash).bind("at", at).bind("login", login).execute() > 0);
    }

    /** Disables the account (sign-in refused from now on); false when there is no such login. */
    public boolean disable(String login, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE account SET disabled = TRUE, updated_at = :at WHERE login = :login")
                .bind("at", at).bind("login", login).execute() > 0);
    }

    private static Optional<Account> findIn(Handle handle, String login) {
        return handle.createQuery(SELECT + " WHERE a.login = :login").bind("login", login)
                .map(AccountStore::map).findOne();
    }

    private static Optional<Long> idOf(Handle handle, String table, Optional<String> code) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        // table is one of two constants above, never input.
        return handle.createQuery("SELECT id FROM " + table + " WHERE code = :code").bind("code", code.get())
                .mapTo(Long.class).findOne();
    }

    static Account map(ResultSet row, StatementContext context) throws SQLException {
        return new Account(row.getLong("id"), row.getString("login"), row.getString("display_name"),
                AccountRole.valueOf(row.getString("role")), Optional.ofNullable(row.getString("seat_code")),
                Optional.ofNullable(row.getString("branch_code")), Optional.ofNullable(row.getString("phone")),
                row.getString("password_hash"), row.getBoolean("disabled"), instant(row, "created_at", context),
                instant(row, "updated_at", context));
    }

    static Instant instant(ResultSet row, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class).orElseThrow()
                .map(row, row.findColumn(column), context);
    }
}
