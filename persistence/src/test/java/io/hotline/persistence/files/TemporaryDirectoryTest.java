package io.hotline.persistence.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The temporary-directory check compares path components, not string prefixes. */
class TemporaryDirectoryTest {

    @Test
    void shouldCountOnlyPathsBelowTheTemporaryDirectory() {
        Path tmp = Path.of("/tmp");

        assertThat(TemporaryDirectory.contains(tmp, Path.of("/tmp"))).isTrue();
        assertThat(TemporaryDirectory.contains(tmp, Path.of("/tmp/hl-clone/data"))).isTrue();
        assertThat(TemporaryDirectory.contains(tmp, Path.of("/var/../tmp/data"))).isTrue();
        assertThat(TemporaryDirectory.contains(Path.of("/tmp/"), Path.of("/tmp/x"))).isTrue();

        assertThat(TemporaryDirectory.contains(tmp, Path.of("/tmpfoo"))).isFalse();
        assertThat(TemporaryDirectory.contains(tmp, Path.of("/tmp-data/hotline"))).isFalse();
        assertThat(TemporaryDirectory.contains(tmp, Path.of("/srv/tmp/hotline"))).isFalse();
        assertThat(TemporaryDirectory.contains(tmp, Path.of("/tmp/../srv/hotline"))).isFalse();
    }
}
