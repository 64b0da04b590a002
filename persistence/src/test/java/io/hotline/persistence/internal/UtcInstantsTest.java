package io.hotline.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UtcInstantsTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldRoundTripMillisecondsThroughTheServer() {
        // given an instant with a millisecond part the driver would otherwise drop
        Instant joined = Instant.parse("2026-11-22T03:04:05.678Z");

        // when it is bound, stored in DATETIME(3) and read back
        Instant read = DB.jdbi().withHandle(handle -> {
            handle.execute("CREATE TEMPORARY TABLE instant_probe (at DATETIME(3) NOT NULL)");
            handle.createUpdate("INSERT INTO instant_probe (at) VALUES (:at)").bind("at", joined).execute();
            return handle.createQuery("SELECT at FROM instant_probe").mapTo(Instant.class).one();
        });

        // then nothing is lost
        assertThat(read).isEqualTo(joined);
    }

    @Test
    void shouldTruncateBelowMillisecondsTheSameWayOnEveryServer() {
        Instant precise = Instant.parse("2026-11-22T03:04:05.678999Z");

        Instant read = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT CAST(:at AS DATETIME(3))")
                .bind("at", precise).mapTo(Instant.class).one());

        assertThat(read).isEqualTo(Instant.parse("2026-11-22T03:04:05.678Z"));
    }

    @Test
    void shouldStoreUtcWhateverTheSessionZone() {
        Instant now = Instant.parse("2026-01-01T00:00:00.001Z");

        String stored = DB.jdbi().withHandle(handle -> handle
                .createQuery("SELECT CAST(CAST(:at AS DATETIME(3)) AS CHAR)")
                .bind("at", now).mapTo(String.class).one());

        assertThat(stored).isEqualTo("2026-01-01 00:00:00.001");
    }
}
