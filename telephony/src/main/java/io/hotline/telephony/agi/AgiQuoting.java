package io.hotline.telephony.agi;

/**
 * Quoting of AGI command arguments, the way Asterisk's parser reads them: an argument with a space, a quote,
 * a backslash or nothing at all is wrapped in double quotes with {@code "} and {@code \} escaped by a
 * backslash. Line breaks are refused: in an AGI command they would end the line and let the rest run as a
 * second command chosen by whoever supplied the text (a caller's name, a note).
 */
public final class AgiQuoting {

    private AgiQuoting() {
    }

    /** {@code argument}, quoted if Asterisk needs it quoted. */
    public static String quote(String argument) {
        checkSingleLine(argument);
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '\t')) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder(argument.length() + 2).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** Fails when {@code text} holds a line break or a NUL. */
    static void checkSingleLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == 0) {
                throw new IllegalArgumentException("AGI text must be one line without NUL: "
                        + text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"));
            }
        }
    }
}
