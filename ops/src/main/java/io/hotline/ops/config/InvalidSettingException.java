package io.hotline.ops.config;

import io.hotline.routing.HotlineException;

/**
 * A configuration value that Hotline cannot use: malformed, out of range, unknown or unreadable. Thrown while
 * {@link Settings} loads, so that a bad value stops Hotline at startup rather than hours later. The message names
 * the setting, the offending value (masked when the setting is secret) and what was expected.
 */
public final class InvalidSettingException extends HotlineException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the setting or properties key at fault, e.g. {@code HOTLINE_HTTP_PORT}
     * @param message the whole message, already naming the key
     */
    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * @param key     the setting or properties key at fault
     * @param message the whole message, already naming the key
     * @param cause   what went wrong underneath (an I/O error reading the file)
     */
    public InvalidSettingException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The setting or properties key at fault. */
    public String key() {
        return key;
    }
}
