package io.hotline.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a request for an orderly stop. The JVM's default reaction (shutdown hooks,
 * then exit status 143) cannot stop components in order and exit 0; instead the handler only releases the
 * lifecycle thread, which stops everything in order and exits 0. A second signal while stopping is ignored
 * (the stop has its own timeout). Thread-safe.
 */
final class ShutdownSignals {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs the handlers for SIGTERM and SIGINT. */
    static ShutdownSignals install() {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                LOG.info("SIG{} received: stopping", signal.getName());
                signals.requested.countDown();
            });
        }
        return signals;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }
}
