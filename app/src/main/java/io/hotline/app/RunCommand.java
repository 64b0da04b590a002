package io.hotline.app;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code hotline run}: starts every server in the foreground and stops them in order on SIGTERM or Ctrl-C,
 * exiting 0. An empty embedded database gets the demo organisation first (unless HOTLINE_SEED_DEMO_WHEN_EMPTY=false);
 * an external one never does.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start Hotline in the foreground: the embedded MariaDB unless HOTLINE_DB_URL is set, the "
                + "migrations, the demo organisation when the embedded database has no seats, then the servers.",
                "Stops in order on SIGTERM or Ctrl-C and exits 0. Only one Hotline may use a data directory."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Override
    public Integer call() {
        HotlineConfiguration config = LoadedSettings.load();
        // Installed before starting, so a SIGTERM during a slow first start still stops in order.
        ShutdownSignals signals = ShutdownSignals.install();
        Hotline hotline = Hotline.start(config);
        try {
            signals.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stopWithin(hotline, config) ? 0 : FailureHandler.RUNTIME_FAILURE;
    }

    private static boolean stopWithin(Hotline hotline, HotlineConfiguration config) {
        Thread stopper = new Thread(hotline::close, "hotline-stop");
        stopper.start();
        try {
            stopper.join(config.shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            LOG.error("Hotline did not stop within HOTLINE_SHUTDOWN_TIMEOUT={}; exiting anyway",
                    config.shutdownTimeout());
            return false;
        }
        return true;
    }
}
