package io.hotline.routing;

/**
 * The root of every exception Hotline throws on purpose. Unchecked, like Jdbi's {@code JdbiException}:
 * expected outcomes (no seat free, after hours) are values, not exceptions; an exception means something
 * the caller could not reasonably plan for, and its message carries the context (queue, channel, setting).
 */
public abstract class HotlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected HotlineException(String message) {
        super(message);
    }

    protected HotlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
