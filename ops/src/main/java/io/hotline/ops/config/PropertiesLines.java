package io.hotline.ops.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key of a Java-properties text is set, by line number (1-based), following the
 * {@link java.util.Properties#load(java.io.Reader)} syntax closely enough to name lines in error messages:
 * comments ({@code #}, {@code !}), blank lines, continuation lines (an odd number of trailing backslashes), and a
 * key ending at the first unescaped {@code =}, {@code :} or white space. Stateless.
 */
final class PropertiesLines {

    private PropertiesLines() {
    }

    /** Each key, in order of first appearance, with every line that sets it. */
    static Map<String, List<Integer>> keyLines(String text) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        String[] physical = text.split("\r\n|\r|\n", -1);
        boolean continued = false;
        for (int index = 0; index < physical.length; index++) {
            String line = physical[index];
            boolean wasContinued = continued;
            continued = endsWithOddBackslashes(line);
            String stripped = line.stripLeading();
            if (wasContinued || stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == '!') {
                if (!wasContinued) {
                    // A comment line never continues, whatever it ends with.
                    continued = false;
                }
                continue;
            }
            lines.computeIfAbsent(key(stripped), key -> new ArrayList<>()).add(index + 1);
        }
        return lines;
    }

    private static String key(String line) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
