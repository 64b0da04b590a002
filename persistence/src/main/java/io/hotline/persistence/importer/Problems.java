package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found while reading and checking the import, so the operator sees all of them at once
 * rather than the first. Confined to the importing thread.
 */
final class Problems {
    private final List<ImportProblem> found = new ArrayList<>();

    void add(String file, int line, String column, String message) {
        found.add(new ImportProblem(file, line, column, message));
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
