package io.hotline.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process shaped like Hotline when memory runs out: a non-daemon thread that would keep the JVM alive (as the
 * routing engine and the servers do), a shutdown hook, and a thread that allocates until {@link OutOfMemoryError}.
 * Without {@code -XX:+ExitOnOutOfMemoryError} only the allocating thread dies and the process lives on.
 * Run by {@link LauncherTest} in its own JVM.
 */
public final class OutOfMemoryVictim {
    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryVictim.class);

    private OutOfMemoryVictim() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread engine = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "routing-engine");
        engine.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LOG.warn("shutdown hook ran")));
        Thread allocator = new Thread(() -> {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 16]);
            }
        }, "agi-worker-1");
        allocator.start();
        allocator.join();
        LOG.warn("allocator died, process lives on");
    }
}
