package io.hotline.telephony.agi;

import java.util.List;

/**
 * Asterisk's answer to one AGI command: {@code 200 result=<result> [(<data>)] [endpos=<n>]}, {@code 510}
 * (unknown command), {@code 511} (not permitted on a dead channel) or {@code 520} (usage, possibly multi-line).
 * Immutable.
 *
 * @param code        200, 510, 511, 520 (or another three-digit code Asterisk may add)
 * @param result      the {@code result=} value of a 200 reply (e.g. {@code 1}, {@code -1}), else {@code null}
 * @param data        the text in parentheses after the result, or {@code null}
 * @param endPosition the {@code endpos=} value, or {@code null}
 * @param text        for non-200 replies, the message (for 520, the usage lines joined by newlines)
 */
public record AgiReply(int code, String result, String data, Long endPosition, String text) {

    /** The {@code 200} code. */
    public static final int SUCCESS = 200;
    /** The {@code 510} code: invalid or unknown command. */
    public static final int INVALID_COMMAND = 510;
    /** The {@code 511} code: command not permitted on a dead channel. */
    public static final int DEAD_CHANNEL = 511;
    /** The {@code 520} code: invalid command syntax, usage follows. */
    public static final int USAGE = 520;

    /** Whether the command was accepted ({@code 200}). */
    public boolean isSuccess() {
        return code == SUCCESS;
    }

    /** The result as a number, or {@code fallback} when absent or not a number. */
    public int resultAsInt(int fallback) {
        if (result == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(result);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The usage lines of a 520 reply. */
    public List<String> usage() {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }
}
