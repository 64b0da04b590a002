package io.hotline.persistence;

import io.hotline.routing.HotlineException;

/**
 * The database could not be reached, started or migrated. The message is one line an operator can act on;
 * it names the (redacted) URL and the cause, never the password.
 */
public final class DatabaseUnavailableException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
