package io.hotline.persistence.importer;

import java.util.Objects;

/**
 * One thing wrong with the import's input, where it is: the file, the line the record starts on (0 for the file as
 * a whole) and the column (by header name, empty when the problem is the whole line). Immutable.
 *
 * @param file    the file's name, e.g. {@code seats.csv}
 * @param line    the 1-based line where the record starts, 0 for the whole file
 * @param column  the column's header name, or empty
 * @param message what is wrong, with the offending value
 */
public record ImportProblem(String file, int line, String column, String message) {

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    /** {@code seats.csv:7: tier: 'TIER4' is not one of TIER1, TIER2, EXPERT}; grep- and editor-friendly. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (column.isEmpty() ? "" : column + ": ") + message;
    }
}
