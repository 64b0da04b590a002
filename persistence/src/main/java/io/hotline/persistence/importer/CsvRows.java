package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CsvFile} whose header was checked against the columns its format allows: every required column
 * present, none unknown, none twice (names compare case-insensitively, surrounding spaces ignored). Gives out one
 * {@link CsvRow} per record, whose fields are found by column name. Confined to the importing thread.
 */
final class CsvRows {
    private final CsvFile file;
    private final Map<String, Integer> columns;
    private final Problems problems;

    private CsvRows(CsvFile file, Map<String, Integer> columns, Problems problems) {
        this.file = file;
        this.columns = columns;
        this.problems = problems;
    }

    /** The rows of {@code file}, or empty (with problems added) when its header does not fit the format. */
    static Optional<CsvRows> of(CsvFile file, List<String> required, List<String> optional, Problems problems) {
        Map<String, Integer> columns = new HashMap<>();
        boolean fits = true;
        for (int i = 0; i < file.header().size(); i++) {
            String column = file.header().get(i).strip().toLowerCase(Locale.ROOT);
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(file.name(), 1, "", "unknown column '" + file.header().get(i) + "' (columns: "
                        + String.join(", ", required) + (optional.isEmpty() ? "" : "; optional: "
                        + String.join(", ", optional)) + ")");
                fits = false;
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(file.name(), 1, "", "column '" + column + "' appears twice");
                fits = false;
            }
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.add(file.name(), 1, "", "the header lacks the required column '" + column + "'");
                fits = false;
            }
        }
        return fits ? Optional.of(new CsvRows(file, columns, problems)) : Optional.empty();
    }

    /** The file's name. */
    String fileName() {
        return file.name();
    }

    /** One row per record with as many fields as the header; records of another width are reported and left out. */
    List<CsvRow> rows() {
        List<CsvRow> rows = new ArrayList<>();
        for (CsvFile.Record record : file.records()) {
            if (record.fields().size() != file.header().size()) {
                problems.add(file.name(), record.line(), "", "has " + record.fields().size() + " fields, the header "
                        + file.header().size() + " (a field with a comma must be in double quotes)");
            } else if (record.fields().stream().anyMatch(field -> !field.isBlank())) {
                rows.add(new CsvRow(file.name(), record, columns, problems));
            }
        }
        return rows;
    }
}
