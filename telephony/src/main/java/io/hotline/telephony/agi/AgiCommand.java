package io.hotline.telephony.agi;

import java.time.Duration;
import java.util.Objects;

/**
 * One AGI command line (without its line feed). Immutable; the factories quote arguments with
 * {@link AgiQuoting}, and every command is refused if it spans more than one line.
 *
 * @param text the command as sent, e.g. {@code GET VARIABLE CHANNEL(linkedid)}
 */
public record AgiCommand(String text) {

    private static final AgiCommand ANSWER = new AgiCommand("ANSWER");
    private static final AgiCommand HANGUP = new AgiCommand("HANGUP");
    private static final AgiCommand MUSIC_OFF = new AgiCommand("SET MUSIC OFF");

    public AgiCommand {
        Objects.requireNonNull(text, "text");
        AgiQuoting.checkSingleLine(text);
        if (text.isBlank()) {
            throw new IllegalArgumentException("an AGI command must not be blank");
        }
    }

    /** {@code ANSWER}. */
    public static AgiCommand answer() {
        return ANSWER;
    }

    /** {@code HANGUP}: hang up the channel. */
    public static AgiCommand hangup() {
        return HANGUP;
    }

    /** {@code GET VARIABLE name}; reply data is the value, result 0 when unset. */
    public static AgiCommand getVariable(String name) {
        return new AgiCommand("GET VARIABLE " + AgiQuoting.quote(name));
    }

    /** {@code GET FULL VARIABLE expression}: evaluates {@code ${...}} expressions. */
    public static AgiCommand getFullVariable(String expression) {
        return new AgiCommand("GET FULL VARIABLE " + AgiQuoting.quote(expression));
    }

    /** {@code SET VARIABLE name value}. */
    public static AgiCommand setVariable(String name, String value) {
        return new AgiCommand("SET VARIABLE " + AgiQuoting.quote(name) + " " + AgiQuoting.quote(value));
    }

    /** {@code STREAM FILE file escapeDigits}: plays a sound, interruptible by the escape digits. */
    public static AgiCommand streamFile(String file, String escapeDigits) {
        return new AgiCommand("STREAM FILE " + AgiQuoting.quote(file) + " " + AgiQuoting.quote(escapeDigits));
    }

    /** {@code WAIT FOR DIGIT ms}: result is the digit's code, 0 on timeout, -1 on hang-up. */
    public static AgiCommand waitForDigit(Duration timeout) {
        return new AgiCommand("WAIT FOR DIGIT " + timeout.toMillis());
    }

    /** {@code SET MUSIC ON class}: music on hold while the caller waits. */
    public static AgiCommand musicOn(String musicClass) {
        return new AgiCommand("SET MUSIC ON " + AgiQuoting.quote(musicClass));
    }

    /** {@code SET MUSIC OFF}. */
    public static AgiCommand musicOff() {
        return MUSIC_OFF;
    }

    /** {@code EXEC application options}: result -2 when the application does not exist. */
    public static AgiCommand exec(String application, String options) {
        return new AgiCommand("EXEC " + AgiQuoting.quote(application) + " " + AgiQuoting.quote(options));
    }

    /** {@code VERBOSE message level}: a line in Asterisk's log. */
    public static AgiCommand verbose(String message, int level) {
        return new AgiCommand("VERBOSE " + AgiQuoting.quote(message) + " " + level);
    }

    /** {@code SAY NUMBER n ""}: speaks a number (positions, minutes). */
    public static AgiCommand sayNumber(long number) {
        return new AgiCommand("SAY NUMBER " + number + " \"\"");
    }

    /** {@code CHANNEL STATUS}: result 6 when the channel is up. */
    public static AgiCommand channelStatus() {
        return new AgiCommand("CHANNEL STATUS");
    }

    /** {@code NOOP text}. */
    public static AgiCommand noop(String text) {
        return new AgiCommand("NOOP " + AgiQuoting.quote(text));
    }

    @Override
    public String toString() {
        return text;
    }
}
