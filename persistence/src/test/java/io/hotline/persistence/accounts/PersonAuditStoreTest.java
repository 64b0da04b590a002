package io.hotline.persistence.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PersonAuditStoreTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldAppendAndReadBackNewestFirstCuttingLongValues() {
        PersonAuditStore audit = new PersonAuditStore(DB.jdbi());
        Instant at = Instant.parse("2026-12-01T08:00:00.456Z");
        PersonAuditEntry login = new PersonAuditEntry(at, "x".repeat(100), Optional.empty(), "LOGIN",
                Optional.empty(), Optional.empty(), "REFUSED", Optional.of("10.0.0.5"));
        PersonAuditEntry change = new PersonAuditEntry(at.plusMillis(1), "alice", Optional.of("SUPERVISOR"),
                "seat_state", Optional.of("/api/seats/S101/state"), Optional.of("d".repeat(2000)), "200",
                Optional.of("10.0.0.6"));

        audit.append(List.of(login, change));

        List<PersonAuditEntry> latest = audit.latest(2);
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).login()).isEqualTo("alice");
        assertThat(latest.get(0).detail().orElseThrow()).hasSize(1000);
        assertThat(latest.get(0).at()).isEqualTo(at.plusMillis(1));
        assertThat(latest.get(1).login()).hasSize(64);
        assertThat(latest.get(1).role()).isEmpty();
        assertThat(latest.get(1).status()).isEqualTo("REFUSED");
    }
}
