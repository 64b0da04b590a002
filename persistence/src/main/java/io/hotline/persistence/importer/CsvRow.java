package io.hotline.persistence.importer;

import io.hotline.persistence.dao.PhoneNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One record of an import file, its fields read by column name and typed. A field that does not parse is reported
 * to {@link Problems} with the file, the line and the column, the getter returns {@code null}, and {@link #ok()}
 * turns false, so a file's reader can go on and report every bad field of every row. Field values are stripped of
 * surrounding spaces. Confined to the importing thread.
 */
final class CsvRow {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    private final String file;
    private final CsvFile.Record record;
    private final Map<String, Integer> columns;
    private final Problems problems;
    private boolean ok = true;

    CsvRow(String file, CsvFile.Record record, Map<String, Integer> columns, Problems problems) {
        this.file = file;
        this.record = record;
        this.columns = columns;
        this.problems = problems;
    }

    /** The line the record starts on. */
    int line() {
        return record.line();
    }

    /** Whether every field read so far was valid. */
    boolean ok() {
        return ok;
    }

    /** Reports a problem with this row's {@code column} (not a parse error of the field itself). */
    void problem(String column, String message) {
        problems.add(file, record.line(), column, message);
        ok = false;
    }

    /** Notes that this row, whose key is {@code key} (when it parsed), is left out for its problems. */
    void leftOut(String key) {
        if (key != null) {
            problems.badRow(file, key);
        }
    }

    /** The field, stripped; empty when the column is absent from the file. */
    String raw(String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.fields().get(index).strip();
    }

    /** A required text of at most {@code maxLength} characters. */
    String text(String column, int maxLength) {
        String value = raw(column);
        if (value.isEmpty()) {
            problem(column, "is empty; a value is required");
            return null;
        }
        return fits(column, value, maxLength) ? value : null;
    }

    /** An optional text: empty when absent or empty. */
    String optionalText(String column, int maxLength) {
        String value = raw(column);
        return fits(column, value, maxLength) ? value : "";
    }

    /** A required code: letters, digits, '_', '-', '.', starting with a letter or digit. */
    String code(String column, int maxLength) {
        String value = text(column, maxLength);
        if (value != null && !CODE.matcher(value).matches()) {
            problem(column, "'" + value + "' is not a code (letters, digits, '_', '-' and '.', no spaces)");
            return null;
        }
        return value;
    }

    /** A required constant of {@code type}, case-insensitive, one of {@code allowed}. */
    <E extends Enum<E>> E choice(String column, Class<E> type, List<E> allowed) {
        String value = text(column, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        for (E constant : allowed) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problem(column, "'" + value + "' is not one of "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** A required decimal between {@code min} and {@code max} with at most 6 decimals, at scale 6. */
    BigDecimal decimal(String column, int min, int max) {
        String value = text(column, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0
                    || number.stripTrailingZeros().scale() > 6) {
                problem(column, "'" + value + "' is not between " + min + " and " + max + " with at most 6 decimals");
                return null;
            }
            return number.setScale(6);
        } catch (NumberFormatException e) {
            problem(column, "'" + value + "' is not a decimal number (e.g. 39.904200)");
            return null;
        }
    }

    /** An optional yes/no: true, false, yes, no, 1, 0, 是, 否; {@code absent} when empty. */
    boolean bool(String column, boolean absent) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return absent;
        }
        if (List.of("true", "yes", "y", "1", "是").contains(value)) {
            return true;
        }
        if (List.of("false", "no", "n", "0", "否").contains(value)) {
            return false;
        }
        problem(column, "'" + raw(column) + "' is not true or false (or yes/no, 1/0)");
        return absent;
    }

    /** An optional ISO date (2026-12-31); {@code null} when empty. */
    LocalDate date(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "'" + value + "' is not a date written as YYYY-MM-DD");
            return null;
        }
    }

    /** A required time of day, HH:MM or HH:MM:SS. */
    LocalTime time(String column) {
        String value = text(column, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            problem(column, "'" + value + "' is not a time of day written as HH:MM (00:00 to 23:59)");
            return null;
        }
    }

    /** A required phone number, in the normal form the caller look-up uses ({@link PhoneNumbers}). */
    String phone(String column) {
        String value = text(column, Integer.MAX_VALUE);
        return value == null ? null : phoneNumber(column, value);
    }

    /** {@code value} as a normal phone number, or {@code null} after reporting it. */
    String phoneNumber(String column, String value) {
        return PhoneNumbers.tryNormalise(value).orElseGet(() -> {
            problem(column, "'" + value + "' is not a phone number (3 to 20 digits, an optional leading '+', spaces,"
                    + " dashes, dots or parentheses between them)");
            return null;
        });
    }

    /** An optional list separated by ';' (or the full-width '；'), entries stripped, empty entries dropped. */
    List<String> list(String column) {
        return Arrays.stream(raw(column).split("[;；]")).map(String::strip).filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** Whether {@code value} is at most {@code maxLength} characters, reporting it when not. */
    boolean fits(String column, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            problem(column, "is longer than " + maxLength + " characters");
            return false;
        }
        return true;
    }
}
