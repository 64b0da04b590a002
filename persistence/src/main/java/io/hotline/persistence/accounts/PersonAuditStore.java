package io.hotline.persistence.accounts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code person_audit} table: appends, and reads the latest entries back. Long values are cut to their
 * column's size rather than refused: an audit row is never lost for its length. Thread-safe; blocks on JDBC.
 */
public final class PersonAuditStore {
    private final Jdbi jdbi;

    public PersonAuditStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Appends the entries in one batch. */
    public void append(List<PersonAuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            var batch = handle.prepareBatch("INSERT INTO person_audit (at, login, role, action, subject, detail,"
                    + " status, remote_address) VALUES (:at, :login, :role, :action, :subject, :detail, :status,"
                    + " :address)");
            for (PersonAuditEntry entry : entries) {
                batch.bind("at", entry.at())
                        .bind("login", clip(entry.login(), 64))
                        .bind("role", entry.role().map(role -> clip(role, 16)).orElse(null))
                        .bind("action", clip(entry.action(), 64))
                        .bind("subject", clip(entry.subject(), 400))
                        .bind("detail", clip(entry.detail(), 1000))
                        .bind("status", clip(entry.status(), 32))
                        .bind("address", clip(entry.remoteAddress(), 64))
                        .add();
            }
            batch.execute();
        });
    }

    /** The latest {@code limit} entries, newest first. */
    public List<PersonAuditEntry> latest(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT at, login, role, action, subject, detail,"
                        + " status, remote_address FROM person_audit ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> new PersonAuditEntry(AccountStore.instant(row, "at", context),
                        row.getString("login"), Optional.ofNullable(row.getString("role")), row.getString("action"),
                        Optional.ofNullable(row.getString("subject")), Optional.ofNullable(row.getString("detail")),
                        row.getString("status"), Optional.ofNullable(row.getString("remote_address"))))
                .list());
    }

    private static String clip(Optional<String> value, int length) {
        return value.map(text -> clip(text, length)).orElse(null);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
