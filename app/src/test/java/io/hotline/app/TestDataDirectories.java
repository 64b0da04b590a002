package io.hotline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh {@code HOTLINE_DATA_DIR} per started Hotline, under {@code target/}: the routing journal keeps its log
 * there, so each test's Hotline replays only its own entries and nothing lands in the checkout's {@code data/}.
 */
final class TestDataDirectories {
    private TestDataDirectories() {
    }

    /** A new, empty directory named after {@code owner}. */
    static String fresh(String owner) {
        try {
            return Files.createDirectories(Path.of("target", "test-data", owner + "-" + UUID.randomUUID()))
                    .toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
