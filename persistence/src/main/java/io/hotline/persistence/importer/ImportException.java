package io.hotline.persistence.importer;

import io.hotline.routing.HotlineException;

/** The import cannot start: its directory is missing or holds no import file. Its message names the path. */
public final class ImportException extends HotlineException {
    private static final long serialVersionUID = 1L;

    ImportException(String message) {
        super(message);
    }
}
