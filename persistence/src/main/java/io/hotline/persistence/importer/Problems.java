package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found while reading and checking the import, so the operator sees all of them at once
 * rather than the first. Confined to the importing thread.
 */
final class Problems {
    private final List<ImportProblem> found = new ArrayList<>();
    private final Set<String> badRows = new HashSet<>();

    void add(String file, int line, String column, String message) {
        found.add(new ImportProblem(file, line, column, message));
    }

    /**
     * Notes that the row of {@code file} with this key was reported and left out, so that references to it from
     * other files are not reported again.
     */
    void badRow(String file, String key) {
        badRows.add(file + "\n" + key);
    }

    /** Whether {@link #badRow} noted this key. */
    boolean isBadRow(String file, String key) {
        return badRows.contains(file + "\n" + key);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems by file (in import order), then line. */
    List<ImportProblem> sorted(List<String> fileOrder) {
        return found.stream()
                .sorted(Comparator.<ImportProblem>comparingInt(problem -> order(fileOrder, problem.file()))
                        .thenComparing(ImportProblem::file)
                        .thenComparingInt(ImportProblem::line))
                .toList();
    }

    private static int order(List<String> fileOrder, String file) {
        int index = fileOrder.indexOf(file);
        return index < 0 ? fileOrder.size() : index;
    }
}
