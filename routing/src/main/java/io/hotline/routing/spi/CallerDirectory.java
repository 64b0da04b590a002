package io.hotline.routing.spi;

import java.util.Optional;

/**
 * Recognises callers by number. Blocks on I/O: call it from a blocking executor, never from an event loop or
 * the routing thread. Thread-safe.
 */
public interface CallerDirectory {

    /** The caller's profile, or empty when the number belongs to no customer (or is not a number). */
    Optional<CallerProfile> findByNumber(String callerNumber);
}
