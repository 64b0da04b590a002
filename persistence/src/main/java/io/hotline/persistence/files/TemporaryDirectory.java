package io.hotline.persistence.files;

import java.nio.file.Path;

/**
 * Whether a path lies inside the system's temporary directory ({@code java.io.tmpdir}), compared by path
 * components rather than by string prefix: {@code /tmp/hotline} lies inside {@code /tmp}, {@code /tmpfoo} and
 * {@code /tmp-data} do not. Hotline runs from there (a clone under {@code /tmp} is fine), but a data directory
 * there may be emptied by the system's tmp cleaner, which is worth a warning. Stateless and thread-safe.
 */
public final class TemporaryDirectory {

    private TemporaryDirectory() {
    }

    /** Whether {@code path} lies inside {@code java.io.tmpdir}. */
    public static boolean contains(Path path) {
        return contains(Path.of(System.getProperty("java.io.tmpdir")), path);
    }

    /** Whether {@code path} is {@code temporaryDirectory} or lies below it, both made absolute and normalised. */
    public static boolean contains(Path temporaryDirectory, Path path) {
        return path.toAbsolutePath().normalize().startsWith(temporaryDirectory.toAbsolutePath().normalize());
    }
}
