package io.hotline.persistence.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the import files in a directory by name and reads each one present; any subset may be there. A
 * {@code .csv} file with another name is reported (a misspelt name would otherwise be silently skipped). Stateless.
 */
final class ImportFiles {
    /** The files in the order they are written; references point only to earlier files or the database. */
    static final List<String> NAMES = List.of(SkillsCsv.FILE, SeatsCsv.FILE, BranchesCsv.FILE, RostersCsv.FILE,
            EngineersCsv.FILE, CustomersCsv.FILE, ProductsCsv.FILE);

    private ImportFiles() {
    }

    /** Every file's rows; problems in {@code problems}. */
    static Specs.Files read(Path directory, Problems problems) {
        if (!Files.isDirectory(directory)) {
            throw new ImportException("'" + directory + "' is not a directory");
        }
        reportUnknown(directory, problems);
        return new Specs.Files(
                read(directory, SkillsCsv.FILE, SkillsCsv.REQUIRED, SkillsCsv.OPTIONAL, SkillsCsv::read, problems),
                read(directory, SeatsCsv.FILE, SeatsCsv.REQUIRED, SeatsCsv.OPTIONAL, SeatsCsv::read, problems),
                read(directory, BranchesCsv.FILE, BranchesCsv.REQUIRED, BranchesCsv.OPTIONAL, BranchesCsv::read,
                        problems),
                read(directory, RostersCsv.FILE, RostersCsv.REQUIRED, List.of(), RostersCsv::read, problems),
                read(directory, EngineersCsv.FILE, EngineersCsv.REQUIRED, EngineersCsv.OPTIONAL, EngineersCsv::read,
                        problems),
                read(directory, CustomersCsv.FILE, CustomersCsv.REQUIRED, CustomersCsv.OPTIONAL, CustomersCsv::read,
                        problems),
                read(directory, ProductsCsv.FILE, ProductsCsv.REQUIRED, ProductsCsv.OPTIONAL, ProductsCsv::read,
                        problems));
    }

    /** Whether the directory holds at least one import file. */
    static boolean anyPresent(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ImportException("'" + directory + "' is not a directory");
        }
        return NAMES.stream().anyMatch(name -> Files.isRegularFile(directory.resolve(name)));
    }

    private static <T> List<T> read(Path directory, String name, List<String> required, List<String> optional,
                                    Function<CsvRows, List<T>> reader, Problems problems) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Optional<CsvRows> rows = CsvReader.read(name, bytes, problems)
                .flatMap(csv -> CsvRows.of(csv, required, optional, problems));
        return rows.map(reader).orElse(List.of());
    }

    private static void reportUnknown(Path directory, Problems problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".csv") && !NAMES.contains(name))
                    .sorted()
                    .forEach(name -> problems.add(name, 0, "", "is not an import file (the files are "
                            + String.join(", ", NAMES) + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
