package io.hotline.app;

import io.hotline.routing.spi.Notifier;
import io.hotline.routing.spi.ServiceDeskStore;
import java.util.Objects;

/**
 * What the service desk needs from the world: where its work orders are kept and restored from, whom it tells,
 * and which calls joined without a work order. Immutable; the parts are thread-safe.
 *
 * @param store    keeps what the desk decides and gives it back on start
 * @param notifier pushes openings, changes, warnings and refusals to the people concerned
 * @param orphans  the calls that joined in an earlier run and have no work order
 */
record DeskPorts(ServiceDeskStore store, Notifier notifier, OrphanCalls orphans) {

    DeskPorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(orphans, "orphans");
    }
}
