package io.hotline.app;

import io.hotline.routing.HotlineException;

/** Another Hotline holds the data directory's lock; the message names its pid and the directory. */
public final class DataDirectoryInUseException extends HotlineException {
    private static final long serialVersionUID = 1L;

    DataDirectoryInUseException(String message) {
        super(message);
    }
}
