package io.hotline.persistence.importer;

import java.util.List;

/**
 * The result of an import: either the problems that stopped it (nothing was written) or the summary of what it
 * changed. Immutable.
 *
 * @param problems every problem found, by file and line; empty when the import went through
 * @param summary  the changes per kind, or {@code null} when there were problems
 */
public record ImportOutcome(List<ImportProblem> problems, ImportSummary summary) {

    public ImportOutcome {
        problems = List.copyOf(problems);
        if (problems.isEmpty() == (summary == null)) {
            throw new IllegalArgumentException("an outcome has either problems or a summary");
        }
    }

    /** Whether the files were valid (and, unless a dry run, written). */
    public boolean succeeded() {
        return problems.isEmpty();
    }
}
