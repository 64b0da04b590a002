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
 * The wallboard's two threads: {@code wallboard-figures} reads today's figures from the records every
 * {@link #FIGURES_EVERY}, {@code wallboard-push} builds the snapshot every second and pushes it when it changed.
 * Neither blocks an event loop or an engine. Not thread-safe: the lifecycle thread starts and closes it.
 */
public final class Wallboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wallboard.class);
    /** How often today's figures are read from the records. */
    public static final Duration FIGURES_EVERY = Duration.ofSeconds(30);
    /** How often the snapshot is built and, when it changed, pushed. */
    public static final Duration PUSH_EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService figures = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "wallboard-figures"));
    private final ScheduledExecutorService pushes = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "wallboard-push"));
    private long failures;

    /** Starts reading {@code today} and ticking {@code push}. */
    public void start(TodayFigures today, WallboardPushes push) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(push, "push");
        figures.scheduleWithFixedDelay(() -> refresh(today), 0, FIGURES_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        pushes.scheduleWithFixedDelay(() -> tick(push), PUSH_EVERY.toMillis(), PUSH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void refresh(TodayFigures today) {
        try {
            today.refresh();
        } catch (RuntimeException e) {
            // The wall keeps the last figures (or none for a new day); the next read may succeed.
            failures++;
            if (failures == 1 || failures % 100 == 0) {
                LOG.warn("The wallboard could not read today's figures ({} times so far): {}", failures,
                        e.toString());
            }
        }
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
        figures.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
