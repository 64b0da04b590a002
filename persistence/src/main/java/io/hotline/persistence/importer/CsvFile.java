package io.hotline.persistence.importer;

import java.util.List;
import java.util.Objects;

/**
 * A CSV file as read: its header and its records, each with the line it starts on. Immutable.
 *
 * @param name    the file's name, for messages
 * @param header  the header row's fields, as written
 * @param records the data records, blank lines left out
 */
record CsvFile(String name, List<String> header, List<Record> records) {

    CsvFile {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        records = List.copyOf(records);
    }

    /**
     * One record.
     *
     * @param line   the 1-based line it starts on (a quoted field may span lines)
     * @param fields its fields, unquoted
     */
    record Record(int line, List<String> fields) {
        Record {
            fields = List.copyOf(fields);
        }
    }
}
