package io.hotline.app.wallboard;

import io.hotline.web.wallboard.WallboardPushes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallboard's thread: {@code wallboard-push} builds the snapshot every second and pushes it when it changed
 * (today's figures come from the metrics' {@code today-figures} thread). It blocks no event loop and no engine.
 * Not thread-safe: the lifecycle thread starts and closes it.
 */
public final class Wallboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wallboard.class);
    /** How often the snapshot is built and, when it changed, pushed. */
    public static final Duration PUSH_EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService pushes = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "wallboard-push"));

    /** Starts ticking {@code push}. */
    public void start(WallboardPushes push) {
        Objects.requireNonNull(push, "push");
        pushes.scheduleWithFixedDelay(() -> tick(push), PUSH_EVERY.toMillis(), PUSH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void tick(WallboardPushes push) {
        try {
            push.tick();
        } catch (RuntimeException e) {
            LOG.warn("The wallboard's push failed; the next tick tries again", e);
        }
    }

    @Override
    public void close() {
        pushes.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
