package io.hotline.persistence.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The example files of docs/import, and copies of them to edit. */
final class ImportFixtures {
    /** docs/import, from the persistence module's directory (where surefire runs). */
    static final Path EXAMPLES = Path.of("..", "docs", "import");

    private ImportFixtures() {
    }

    /** A copy of the example files in {@code directory}. */
    static Path copyOfExamples(Path directory) {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} (UTF-8) as {@code name} in {@code directory}. */
    static void write(Path directory, String name, String text) {
        try {
            Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in the file {@code name}, which must contain it. */
    static void edit(Path directory, String name, String from, String to) {
        try {
            Path file = directory.resolve(name);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(name + " has no '" + from + "'");
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
