package io.hotline.ops.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.ComponentHealth.Status;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.HealthReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:30:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<HealthMonitor> monitors = new ArrayList<>();
    private final List<FakeHealthCheck> hangingChecks = new ArrayList<>();

    @AfterEach
    void closeMonitors() {
        monitors.forEach(HealthMonitor::close);
        hangingChecks.forEach(FakeHealthCheck::release);
    }

    @Test
    void shouldReportEveryComponentStartingBeforeTheFirstRound() {
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), FakeHealthCheck.up("database"),
                FakeHealthCheck.up("ami"));

        HealthReport report = monitor.current();

        assertThat(report.checkedAt()).isEqualTo(NOW);
        assertThat(report.components()).containsOnlyKeys("database", "ami");
        assertThat(report.components().values()).extracting(ComponentHealth::status).containsOnly(Status.STARTING);
        assertThat(report.isReady()).isFalse();
    }

    @Test
    void shouldRunEveryCheckOnRefreshNowAndPublishTheReport() {
        FakeHealthCheck database = FakeHealthCheck.up("database");
        FakeHealthCheck ami = new FakeHealthCheck("ami", ComponentHealth.disabled("no AMI configured"));
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), database, ami);

        HealthReport report = monitor.refreshNow();

        assertThat(report.checkedAt()).isEqualTo(NOW);
        assertThat(report.components().keySet()).containsExactly("database", "ami");
        assertThat(report.components().get("database")).isEqualTo(ComponentHealth.up("fine", Map.of("version", "1")));
        assertThat(report.components().get("ami").status()).isEqualTo(Status.DISABLED);
        assertThat(report.isReady()).isTrue();
        assertThat(monitor.current()).isSameAs(report);
        assertThat(database.calls()).isEqualTo(1);
    }

    @Test
    void shouldStayReadyButDegradedWhileOnlyANonCriticalComponentIsDown() {
        FakeHealthCheck routing = FakeHealthCheck.up("routing");
        FakeHealthCheck ami = FakeHealthCheck.up("ami").notCritical()
                .answer(ComponentHealth.down("not logged in to pbx1; retrying"));
        FakeHealthCheck database = FakeHealthCheck.up("database").notCritical();
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), routing, ami, database);
        assertThat(monitor.current().status()).isEqualTo(HealthReport.Status.DOWN);

        HealthReport report = monitor.refreshNow();

        assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
        assertThat(report.isReady()).isTrue();
        assertThat(report.impaired()).containsExactly("ami");
        assertThat(report.isCritical("ami")).isFalse();
        assertThat(report.isCritical("routing")).isTrue();
        assertThat(registry.get("hotline.health.component.up").tag("component", "ami").gauge().value()).isZero();

        // a critical component down makes Hotline not ready, whatever the others say
        routing.answer(ComponentHealth.down("the routing-engine thread is not running"));
        assertThat(monitor.refreshNow().status()).isEqualTo(HealthReport.Status.DOWN);
        assertThat(monitor.current().isReady()).isFalse();

        routing.answer(ComponentHealth.up("fine", Map.of()));
        ami.answer(ComponentHealth.up("1 Asterisk server(s) connected", Map.of()));
        assertThat(monitor.refreshNow().status()).isEqualTo(HealthReport.Status.UP);
    }

    @Test
    void shouldReportAThrowingCheckDownWithTheExceptionMessage() {
        FakeHealthCheck database = FakeHealthCheck.up("database")
                .fail(new IllegalStateException("Communications link failure"));
        FakeHealthCheck anonymous = FakeHealthCheck.up("ami").fail(new IllegalStateException());
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), database, anonymous);

        HealthReport report = monitor.refreshNow();

        assertThat(report.components().get("database"))
                .isEqualTo(ComponentHealth.down("Communications link failure"));
        assertThat(report.components().get("ami")).isEqualTo(ComponentHealth.down("IllegalStateException"));
        assertThat(report.isReady()).isFalse();
    }

    @Test
    void shouldReportACheckReturningNothingDown() {
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), new FakeHealthCheck("database", null));

        assertThat(monitor.refreshNow().components().get("database"))
                .isEqualTo(ComponentHealth.down("check returned no result"));
    }

    @Test
    void shouldReportAHungCheckTimedOutWithoutHoldingUpTheOthers() {
        FakeHealthCheck hung = hanging("ami");
        FakeHealthCheck database = FakeHealthCheck.up("database");
        HealthMonitor monitor = monitor(Duration.ofMillis(200), hung, database);

        long started = System.nanoTime();
        HealthReport first = monitor.refreshNow();
        HealthReport second = monitor.refreshNow();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.components().get("ami").status()).isEqualTo(Status.DOWN);
        assertThat(first.components().get("ami").detail()).startsWith(HealthMonitor.TIMED_OUT);
        assertThat(first.components().get("database").status()).isEqualTo(Status.UP);
        assertThat(second.components().get("ami").detail()).startsWith(HealthMonitor.TIMED_OUT);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        // The second round waited on the run still in progress instead of starting (and leaking) another.
        assertThat(hung.calls()).isEqualTo(1);
        assertThat(database.calls()).isEqualTo(2);
    }

    @Test
    void shouldCheckAgainOnceAHungCheckHasFinished() {
        FakeHealthCheck hung = hanging("ami");
        HealthMonitor monitor = monitor(Duration.ofMillis(100), hung);
        assertThat(monitor.refreshNow().components().get("ami").status()).isEqualTo(Status.DOWN);

        hung.release();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> monitor.refreshNow().components().get("ami").status() == Status.UP);
    }

    @Test
    void shouldRefreshPeriodicallyOnANamedDaemonThreadOnceStarted() {
        FakeHealthCheck database = FakeHealthCheck.up("database");
        HealthMonitor monitor = monitor(Duration.ofMillis(50), database);

        monitor.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.current().isReady());
        assertThat(Thread.getAllStackTraces().keySet())
                .anySatisfy(thread -> {
                    assertThat(thread.getName()).isEqualTo("health-monitor");
                    assertThat(thread.isDaemon()).isTrue();
                });

        database.answer(ComponentHealth.down("connection refused"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> monitor.current().components().get("database").detail().equals("connection refused"));

        database.answer(ComponentHealth.up("back", Map.of()));
        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.current().isReady());
        assertThat(database.calls()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldKeepTheScheduleAliveWhenAChecksThrows() {
        FakeHealthCheck database = FakeHealthCheck.up("database").fail(new IllegalStateException("boom"));
        HealthMonitor monitor = monitor(Duration.ofMillis(20), database);
        monitor.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> monitor.current().components().get("database").detail().equals("boom"));

        database.answer(ComponentHealth.up("recovered", Map.of()));

        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.current().isReady());
    }

    @Test
    void shouldShowNoGaugeForADisabledComponentRatherThanUp() {
        // given AMI not configured: DISABLED, which lets Hotline be ready but is not "up"
        FakeHealthCheck database = FakeHealthCheck.up("database");
        FakeHealthCheck ami = new FakeHealthCheck("ami", ComponentHealth.disabled("HOTLINE_AMI_HOST is not set"));
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), database, ami);

        monitor.refreshNow();

        // then the database reads 1 and AMI has no series at all (today's code read 1 for it)
        assertThat(gauge("database")).isEqualTo(1.0);
        assertThat(registry.find("hotline.health.component.up").tag("component", "ami").gauge()).isNull();

        // and once configured and starting, its series comes back, reading 0 until it is up
        ami.answer(ComponentHealth.starting("logging in"));
        monitor.refreshNow();
        assertThat(gauge("ami")).isZero();
        ami.answer(ComponentHealth.up("logged in", Map.of()));
        monitor.refreshNow();
        assertThat(gauge("ami")).isEqualTo(1.0);
        monitor.close();
    }

    @Test
    void shouldExposeAReadinessGaugePerComponentAndRemoveItOnClose() {
        FakeHealthCheck database = FakeHealthCheck.up("database");
        FakeHealthCheck ami = new FakeHealthCheck("ami", ComponentHealth.down("login failed"));
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), database, ami);
        assertThat(gauge("database")).isZero();

        monitor.refreshNow();

        assertThat(gauge("database")).isEqualTo(1.0);
        assertThat(gauge("ami")).isZero();
        monitor.close();
        assertThat(registry.find("hotline.health.component.up").gauges()).isEmpty();
    }

    @Test
    void shouldCloseWithinTwoSecondsAndEndItsThreads() {
        HealthMonitor monitor = monitor(Duration.ofMillis(50), hanging("ami"), FakeHealthCheck.up("database"));
        monitor.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.current().components().get("database")
                .status() == Status.UP);

        long started = System.nanoTime();
        monitor.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        await().atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("health-")));
        assertThatThrownBy(monitor::refreshNow).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(monitor::start).isInstanceOf(IllegalStateException.class);
        monitor.close();
    }

    @Test
    void shouldRefuseToStartTwice() {
        HealthMonitor monitor = monitor(Duration.ofSeconds(1), FakeHealthCheck.up("database"));
        monitor.start();

        assertThatThrownBy(monitor::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void shouldRejectTwoChecksForTheSameComponent() {
        assertThatThrownBy(() -> monitor(Duration.ofSeconds(1), FakeHealthCheck.up("database"),
                FakeHealthCheck.up("database")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }

    @Test
    void shouldRejectANonPositiveInterval() {
        assertThatThrownBy(() -> monitor(Duration.ZERO, FakeHealthCheck.up("database")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HealthMonitor monitor(Duration interval, HealthCheck... checks) {
        HealthMonitor monitor = new HealthMonitor(List.of(checks), interval, InstantSource.fixed(NOW), registry);
        monitors.add(monitor);
        return monitor;
    }

    private FakeHealthCheck hanging(String component) {
        FakeHealthCheck check = FakeHealthCheck.up(component).hang();
        hangingChecks.add(check);
        return check;
    }

    private double gauge(String component) {
        return registry.get("hotline.health.component.up").tag("component", component).gauge().value();
    }
}
