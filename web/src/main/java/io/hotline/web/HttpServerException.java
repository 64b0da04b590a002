package io.hotline.web;

import io.hotline.routing.HotlineException;

/** The HTTP server could not start, typically because its address is in use or not local. */
public final class HttpServerException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public HttpServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
