package io.hotline.persistence.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV as RFC 4180 defines it (https://www.rfc-editor.org/rfc/rfc4180): comma-separated fields, a field in
 * double quotes may hold commas, line breaks and doubled quotes; records end with CRLF or LF. The bytes must be
 * UTF-8; a leading byte-order mark is skipped. Blank lines are skipped. Each record remembers the line it starts on,
 * so a field spanning lines does not shift the line numbers of the records after it. A malformed file is reported
 * to {@link Problems} with the line and reading stops there. Single use; confined to one thread.
 */
final class CsvReader {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String name;
    private final Problems problems;
    private String text;
    private int position;
    private int line = 1;

    private CsvReader(String name, Problems problems) {
        this.name = name;
        this.problems = problems;
    }

    /** The file's header and records, or empty (with problems added) when it is not well-formed UTF-8 CSV. */
    static Optional<CsvFile> read(String name, byte[] bytes, Problems problems) {
        return new CsvReader(name, problems).parse(bytes);
    }

    private Optional<CsvFile> parse(byte[] bytes) {
        Optional<String> decoded = decode(bytes);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        text = decoded.get();
        List<CsvFile.Record> records = new ArrayList<>();
        while (position < text.length()) {
            int startLine = line;
            Optional<List<String>> fields = record();
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            if (!(fields.get().size() == 1 && fields.get().get(0).isEmpty())) {
                records.add(new CsvFile.Record(startLine, fields.get()));
            }
        }
        if (records.isEmpty()) {
            problems.add(name, 0, "", "is empty: it needs at least its header row");
            return Optional.empty();
        }
        return Optional.of(new CsvFile(name, records.get(0).fields(), records.subList(1, records.size())));
    }

    private Optional<String> decode(byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int lineOfError = 1;
            for (int i = start; i < in.position(); i++) {
                lineOfError += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(name, lineOfError, "", "is not UTF-8 (byte " + (in.position() + 1)
                    + "); save the file as UTF-8 (\"CSV UTF-8\" in spreadsheet programs)");
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** One record's fields, consuming its line end; empty after reporting a malformed record. */
    private Optional<List<String>> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            Optional<String> field = position < text.length() && text.charAt(position) == '"' ? quoted() : plain();
            if (field.isEmpty()) {
                return Optional.empty();
            }
            fields.add(field.get());
            if (position >= text.length()) {
                return Optional.of(fields);
            }
            char next = text.charAt(position);
            if (next == ',') {
                position++;
            } else {
                lineEnd();
                return Optional.of(fields);
            }
        }
    }

    private Optional<String> plain() {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                problems.add(name, line, "", "a double quote inside an unquoted field: quote the whole field and "
                        + "double the quotes inside it (\"say \"\"hello\"\"\")");
                return Optional.empty();
            }
            position++;
        }
        return Optional.of(text.substring(start, position));
    }

    private Optional<String> quoted() {
        int startLine = line;
        position++;
        StringBuilder field = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                    continue;
                }
                if (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
                    problems.add(name, line, "", "text after a closing double quote: a quote inside a quoted field "
                            + "is written twice (\"\")");
                    return Optional.empty();
                }
                return Optional.of(field.toString());
            }
            if (c == '\n' || (c == '\r' && (position >= text.length() || text.charAt(position) != '\n'))) {
                line++;
            }
            field.append(c);
        }
        problems.add(name, startLine, "", "a quoted field starting on this line never ends (a closing double quote"
                + " is missing)");
        return Optional.empty();
    }

    private void lineEnd() {
        if (text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
        line++;
    }
}
