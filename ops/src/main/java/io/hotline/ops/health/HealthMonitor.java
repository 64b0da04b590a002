package io.hotline.ops.health;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.HealthReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link HealthCheck} once on {@link #start()} and then every {@code interval}, and keeps the latest
 * {@link HealthReport} for readers that must not wait ({@code /health}, the readiness gauge).
 *
 * <p>Each round gives every check the same time budget, {@code interval}: the checks run concurrently on
 * {@code health-check-N} threads and the round waits for each until the budget is spent. A check that throws is
 * reported {@code DOWN} with the exception's message; one that is still running when the budget runs out is
 * reported {@code DOWN} "check timed out" and is left to finish. Until it does, later rounds wait on that same
 * run instead of starting another, so a hung check holds at most one thread. Nothing a check does can stop the
 * schedule.
 *
 * <p>A check that is not {@link HealthCheck#critical() critical} is marked so in every report: while it is not
 * ready, Hotline is {@code DEGRADED} but ready ({@link HealthReport#status()}).
 *
 * <p>Registers one {@code hotline.health.component.up} gauge per component: 1 while it is {@code UP}, 0 while it is
 * starting or down. A {@code DISABLED} component (not configured, such as AMI without HOTLINE_AMI_HOST) has no
 * gauge at all, so that neither "up" nor an alert on 0 claims anything about it; its gauge comes (back) when it
 * stops being disabled. All are removed on {@link #close()}. Logs each change of a component's status, and of
 * Hotline's as a whole.
 *
 * <p>Thread-safe. Rounds never overlap: {@link #refreshNow()} waits for a scheduled round in progress, and vice
 * versa.
 */
public final class HealthMonitor implements AutoCloseable {

    /** The detail of a component whose check did not answer within its budget. */
    public static final String TIMED_OUT = "check timed out";

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final List<HealthCheck> checks;
    private final Duration interval;
    private final InstantSource clock;
    private final MeterRegistry registry;
    /** The readiness gauges by component, for the components that are not disabled; guarded by itself. */
    private final Map<String, Gauge> gauges = new HashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor checkRunner;
    private final ReentrantLock roundLock = new ReentrantLock();
    /** The latest run of each check, by component; guarded by {@link #roundLock}. */
    private final Map<String, Future<ComponentHealth>> latestRuns = new HashMap<>();
    private final Set<String> nonCritical;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HealthReport current;

    /**
     * @param checks   the checks, in the order {@code /health} lists them; component names must be unique
     * @param interval the time between the end of one round and the start of the next, and each check's budget
     * @param clock    the source of {@link HealthReport#checkedAt()}
     * @param registry where to register the per-component readiness gauges
     */
    public HealthMonitor(List<HealthCheck> checks, Duration interval, InstantSource clock, MeterRegistry registry) {
        this.checks = List.copyOf(checks);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        Map<String, ComponentHealth> starting = new LinkedHashMap<>();
        for (HealthCheck check : this.checks) {
            String component = Objects.requireNonNull(check.component(), "component");
            if (starting.put(component, ComponentHealth.starting("not checked yet")) != null) {
                throw new IllegalArgumentException("two health checks for component " + component);
            }
        }
        nonCritical = this.checks.stream().filter(check -> !check.critical()).map(HealthCheck::component)
                .collect(Collectors.toUnmodifiableSet());
        current = new HealthReport(clock.instant(), starting, nonCritical);
        scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("health-monitor", false));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        int maxConcurrentChecks = Math.max(1, this.checks.size());
        checkRunner = new ThreadPoolExecutor(maxConcurrentChecks, maxConcurrentChecks, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("health-check", true));
        checkRunner.allowCoreThreadTimeOut(true);
        starting.keySet().forEach(this::showGauge);
    }

    private void showGauge(String component) {
        synchronized (gauges) {
            gauges.computeIfAbsent(component, name -> Gauge.builder(HotlineMeters.HEALTH_COMPONENT_UP.meterName(),
                            this, monitor -> monitor.isUp(name))
                    .description(HotlineMeters.HEALTH_COMPONENT_UP.description())
                    .tags(HotlineMeters.HEALTH_COMPONENT_UP.tags(HotlineMeters.TagKey.COMPONENT.key(), name))
                    .strongReference(true)
                    .register(registry));
        }
    }

    private void hideGauge(String component) {
        synchronized (gauges) {
            Gauge gauge = gauges.remove(component);
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }

    /**
     * Runs a round now and then one every {@code interval} after the previous one ends, on the
     * {@code health-monitor} daemon thread.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("health monitor is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("health monitor already started");
        }
        scheduler.scheduleWithFixedDelay(this::runScheduledRound, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The latest report; before the first round, every component is {@code STARTING}. Never blocks. */
    public HealthReport current() {
        return current;
    }

    /**
     * Runs a round now, blocking the caller until every check has answered or used up its budget, publishes the
     * report and returns it. For startup (wait for a first real answer) and tests.
     *
     * @throws IllegalStateException if the monitor is closed
     */
    public HealthReport refreshNow() {
        if (closed.get()) {
            throw new IllegalStateException("health monitor is closed");
        }
        return runRound();
    }

    private void runScheduledRound() {
        try {
            runRound();
        } catch (RuntimeException e) {
            // Never let an exception cancel the schedule; the next round tries again.
            LOG.error("Health check round failed", e);
        }
    }

    private HealthReport runRound() {
        try {
            // Interruptible, so that close() can stop a scheduled round queued behind a slow refreshNow().
            roundLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return current;
        }
        try {
            Instant checkedAt = clock.instant();
            long deadline = System.nanoTime() + interval.toNanos();
            Map<String, Future<ComponentHealth>> runs = new LinkedHashMap<>();
            for (HealthCheck check : checks) {
                runs.put(check.component(), latestRun(check));
            }
            Map<String, ComponentHealth> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ComponentHealth>> run : runs.entrySet()) {
                if (Thread.currentThread().isInterrupted()) {
                    results.put(run.getKey(), ComponentHealth.down("health check interrupted"));
                } else {
                    results.put(run.getKey(), await(run.getValue(), deadline));
                }
            }
            HealthReport report = new HealthReport(checkedAt, results, nonCritical);
            if (!Thread.currentThread().isInterrupted()) {
                publish(report);
            }
            return report;
        } finally {
            roundLock.unlock();
        }
    }

    /** The check's run still in progress from an earlier round, or a new run. */
    private Future<ComponentHealth> latestRun(HealthCheck check) {
        Future<ComponentHealth> run = latestRuns.get(check.component());
        if (run == null || run.isDone()) {
            try {
                run = checkRunner.submit(check::check);
            } catch (RejectedExecutionException e) {
                // Only after close(); report rather than throw from a round.
                return CompletableFuture.completedFuture(
                        ComponentHealth.down("health monitor closed"));
            }
            latestRuns.put(check.component(), run);
        }
        return run;
    }

    private ComponentHealth await(Future<ComponentHealth> run, long deadline) {
        try {
            ComponentHealth health = run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return health != null ? health : ComponentHealth.down("check returned no result");
        } catch (TimeoutException e) {
            return ComponentHealth.down(TIMED_OUT + " after " + interval.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return ComponentHealth.down(cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName());
        } catch (CancellationException e) {
            return ComponentHealth.down("check cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down("health check interrupted");
        }
    }

    private void publish(HealthReport report) {
        HealthReport previous = current;
        current = report;
        report.components().forEach((component, health) -> {
            if (health.status() == ComponentHealth.Status.DISABLED) {
                hideGauge(component);
            } else if (!closed.get()) {
                showGauge(component);
            }
            ComponentHealth before = previous.components().get(component);
            if (before == null || before.status() != health.status()) {
                if (health.status().isReady()) {
                    LOG.info("Component {} is {}: {}", component, health.status(), health.detail());
                } else {
                    LOG.warn("Component {} is {}{}: {}", component, health.status(),
                            report.isCritical(component) ? "" : " (not critical: Hotline stays ready)",
                            health.detail());
                }
            }
        });
        if (previous.status() != report.status()) {
            if (report.status() == HealthReport.Status.UP) {
                LOG.info("Hotline is UP");
            } else {
                LOG.warn("Hotline is {}: {} not ready", report.status(), String.join(", ", report.impaired()));
            }
        }
    }

    private double isUp(String component) {
        ComponentHealth health = current.components().get(component);
        return health != null && health.status() == ComponentHealth.Status.UP ? 1 : 0;
    }

    /**
     * Stops the schedule, interrupts running checks and waits up to two seconds for the threads to end, then
     * removes the gauges. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        checkRunner.shutdownNow();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            // Both waits share one deadline; the non-short-circuit & waits for the second even if the first failed.
            boolean terminated = awaitTermination(scheduler, deadline) & awaitTermination(checkRunner, deadline);
            if (!terminated) {
                LOG.warn("Health checks still running {} ms after close; their daemon threads are abandoned",
                        CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (gauges) {
                gauges.values().forEach(registry::remove);
                gauges.clear();
            }
        }
    }

    private static boolean awaitTermination(ExecutorService executor, long deadline) throws InterruptedException {
        return executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
