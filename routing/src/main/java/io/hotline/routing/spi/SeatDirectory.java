package io.hotline.routing.spi;

import java.util.Optional;

/**
 * Finds the seat behind a softphone, for feature codes dialled from the phone. Blocks on I/O: call it from a
 * blocking executor. Thread-safe.
 */
public interface SeatDirectory {

    /** The seat whose dial string is {@code dialString} (e.g. {@code PJSIP/1004}), if any. */
    Optional<String> seatIdForDialString(String dialString);
}
