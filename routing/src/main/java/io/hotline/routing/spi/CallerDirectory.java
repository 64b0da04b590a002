package io.hotline.routing.spi;

import java.util.Optional;

/**
 * Recognises callers by number. {@link #recall} answers from memory and never blocks, so a known caller is
 * queued without waiting on the database; {@link #findByNumber} is the authority and blocks on I/O (call it from a
 * blocking executor, never from an event loop or the routing thread). Thread-safe.
 */
public interface CallerDirectory {

    /**
     * Non-blocking: the caller's profile as memory holds it. Empty means memory cannot tell (a stranger, a number
     * added since memory was loaded, garbage): ask {@link #findByNumber}.
     */
    Optional<CallerProfile> recall(String callerNumber);

    /** Blocking: the caller's profile, or empty when the number belongs to no customer (or is not a number). */
    Optional<CallerProfile> findByNumber(String callerNumber);
}
