package io.hotline.app.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetClockTest {
    @TempDir
    Path dir;
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final InstantSource system = () -> Instant.ofEpochMilli(millis.get());

    @Test
    void shouldAddTheFilesDurationAndFollowItWhenItChanges() throws Exception {
        // given a file moving the clock 10 minutes on
        Path file = Files.writeString(dir.resolve("offset"), "PT10M\n");
        OffsetClock clock = new OffsetClock(file, system);
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(millis.get()).plus(Duration.ofMinutes(10)));

        // when the file says 4 hours and is read again
        Files.writeString(file, "PT4H");
        clock.refresh();

        // then the clock is 4 hours on
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(millis.get()).plus(Duration.ofHours(4)));
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldKeepTheLastOffsetWhenTheFileIsHalfWrittenAndBeNoOffsetWithoutAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("offset"), "PT1H");
        OffsetClock clock = new OffsetClock(file, system);
        Files.writeString(file, "PT");
        clock.refresh();
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(millis.get()).plus(Duration.ofHours(1)));

        assertThat(new OffsetClock(dir.resolve("none"), system).instant())
                .isEqualTo(Instant.ofEpochMilli(millis.get()));
    }

    @Test
    void shouldFollowTheFileOnItsOwnThread() throws Exception {
        Path file = Files.writeString(dir.resolve("offset"), "PT1M");
        try (OffsetClock clock = OffsetClock.watching(file, system)) {
            Files.writeString(file, "PT2H");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> clock.offset().equals(Duration.ofHours(2)));
        }
    }

    @Test
    void shouldRefuseAFileThatHoldsNoDurationAtStartNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("offset"), "ten minutes");
        assertThatThrownBy(() -> new OffsetClock(file, system)).hasMessageContaining(file.toString())
                .hasMessageContaining("ISO-8601");
    }
}
