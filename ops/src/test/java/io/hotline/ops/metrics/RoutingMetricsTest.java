package io.hotline.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.QueueSnapshot;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingMetricsTest {
    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<RoutingSnapshot> snapshot = new AtomicReference<>(RoutingSnapshot.empty(AT));
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final RoutingMetrics metrics =
            new RoutingMetrics(Set.of("support", "tier2"), snapshot::get, depth::get, refused::get, failed::get);

    @AfterEach
    void closeRegistry() {
        metrics.close();
        registry.close();
    }

    @Test
    void shouldReportQueueFiguresFromTheLatestSnapshot() {
        // given bound metrics and a snapshot of the support queue
        metrics.bindTo(registry);
        snapshot.set(snapshot(7, new QueueSnapshot(3, Duration.ofMillis(42_500), 10, 8, 2, 0.8, 8 / 12.0,
                Duration.ofMillis(12_250))));

        // then every queue meter reads it
        assertThat(gauge("hotline.routing.queue.waiting", "support")).isEqualTo(3);
        assertThat(gauge("hotline.routing.queue.longest.wait", "support")).isEqualTo(42.5);
        assertThat(gauge("hotline.routing.queue.service.level", "support")).isEqualTo(0.8);
        assertThat(gauge("hotline.routing.queue.service.level.with.abandons", "support")).isEqualTo(8 / 12.0);
        assertThat(gauge("hotline.routing.queue.asa", "support")).isEqualTo(12.25);
        assertThat(counter("hotline.routing.queue.answered", "support")).isEqualTo(10);
        assertThat(counter("hotline.routing.queue.abandoned", "support")).isEqualTo(2);
        assertThat(registry.get("hotline.routing.events.applied").functionCounter().count()).isEqualTo(7);

        // and when a newer snapshot is published, they read that one
        snapshot.set(snapshot(9,
                new QueueSnapshot(0, Duration.ZERO, 11, 9, 2, 9 / 11.0, 0.75, Duration.ofSeconds(12))));
        assertThat(gauge("hotline.routing.queue.waiting", "support")).isZero();
        assertThat(counter("hotline.routing.queue.answered", "support")).isEqualTo(11);
        assertThat(registry.get("hotline.routing.events.applied").functionCounter().count()).isEqualTo(9);
    }

    @Test
    void shouldReadNaNForAQueueTheSnapshotDoesNotHaveYet() {
        metrics.bindTo(registry);

        assertThat(gauge("hotline.routing.queue.waiting", "tier2")).isNaN();
        assertThat(counter("hotline.routing.queue.answered", "tier2")).isZero();
    }

    @Test
    void shouldReportSeatsByTierAndStateWithUnits() {
        metrics.bindTo(registry);
        snapshot.set(new RoutingSnapshot(AT, 1, Map.of(), Map.of(
                Tier.TIER1, Map.of(SeatState.READY, 4, SeatState.LOGGED_OUT, 20),
                Tier.EXPERT, Map.of(SeatState.ON_CALL, 1))));

        assertThat(seats(Tier.TIER1, SeatState.READY)).isEqualTo(4);
        assertThat(seats(Tier.TIER1, SeatState.LOGGED_OUT)).isEqualTo(20);
        assertThat(seats(Tier.EXPERT, SeatState.ON_CALL)).isEqualTo(1);
        assertThat(seats(Tier.TIER2, SeatState.READY)).isZero();
        // three seat tiers x six states, never the ladder's REMOTE or ON_SITE
        assertThat(registry.find("hotline.routing.seats").gauges()).hasSize(18);
        assertThat(registry.get("hotline.routing.queue.longest.wait").gauge().getId().getBaseUnit())
                .isEqualTo("seconds");
        assertThat(registry.get("hotline.routing.queue.service.level").gauge().getId().getDescription())
                .isEqualTo(HotlineMeters.ROUTING_QUEUE_SERVICE_LEVEL.description());
    }

    @Test
    void shouldReportTheInboxAndFailuresFromTheirSuppliers() {
        metrics.bindTo(registry);
        depth.set(12);
        refused.set(3);
        failed.set(1);

        assertThat(registry.get("hotline.routing.inbox.depth").gauge().value()).isEqualTo(12);
        assertThat(registry.get("hotline.routing.inbox.refused").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("hotline.routing.events.failed").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void shouldRemoveItsMetersOnClose() {
        metrics.bindTo(registry);
        assertThat(registry.find("hotline.routing.seats").gauges()).isNotEmpty();

        metrics.close();

        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("hotline.routing."));
    }

    @Test
    void shouldRenderPrometheusNamesWithUnitSuffixes() {
        try (PrometheusMetrics prometheus = new PrometheusMetrics()) {
            metrics.bindTo(prometheus.registry());
            snapshot.set(snapshot(5, new QueueSnapshot(1, Duration.ofSeconds(3), 2, 2, 0, 1.0, 1.0,
                    Duration.ofSeconds(4))));

            assertThat(prometheus.scrape())
                    .contains("hotline_routing_queue_waiting{application=\"hotline\",queue=\"support\"} 1.0")
                    .contains("hotline_routing_queue_longest_wait_seconds{application=\"hotline\","
                            + "queue=\"support\"} 3.0")
                    .contains("hotline_routing_queue_service_level_ratio{")
                    .contains("hotline_routing_queue_service_level_with_abandons_ratio{")
                    .contains("hotline_routing_queue_answered_total{application=\"hotline\",queue=\"support\"} 2.0")
                    .contains("hotline_routing_queue_abandoned_total{")
                    .contains("hotline_routing_queue_asa_seconds{application=\"hotline\",queue=\"support\"} 4.0")
                    .contains("hotline_routing_seats{application=\"hotline\",state=\"READY\",tier=\"TIER1\"} 0.0")
                    .contains("hotline_routing_events_applied_total{application=\"hotline\"} 5.0")
                    .contains("hotline_routing_events_failed_total{")
                    .contains("hotline_routing_inbox_depth{")
                    .contains("hotline_routing_inbox_refused_total{");
        }
    }

    private static RoutingSnapshot snapshot(long sequence, QueueSnapshot support) {
        return new RoutingSnapshot(AT, sequence, Map.of("support", support), Map.of());
    }

    private double gauge(String name, String queue) {
        return registry.get(name).tag("queue", queue).gauge().value();
    }

    private double counter(String name, String queue) {
        return registry.get(name).tag("queue", queue).functionCounter().count();
    }

    private double seats(Tier tier, SeatState state) {
        return registry.get("hotline.routing.seats").tag("tier", tier.name()).tag("state", state.name()).gauge()
                .value();
    }

    @Test
    void shouldCountOccupancyOverSeatsLoggedInAndNotNotReady() {
        // given 1 reserved, 2 on a call, 1 in wrap-up, 4 ready, and 3 not ready and 5 logged out who do not count
        Map<Tier, Map<SeatState, Integer>> seats = Map.of(
                Tier.TIER1, Map.of(SeatState.RESERVED, 1, SeatState.ON_CALL, 1, SeatState.READY, 3,
                        SeatState.NOT_READY, 3, SeatState.LOGGED_OUT, 5),
                Tier.TIER2, Map.of(SeatState.ON_CALL, 1, SeatState.WRAP_UP, 1, SeatState.READY, 1));

        // then
        assertThat(RoutingMetrics.occupancy(new RoutingSnapshot(AT, 1, Map.of(), seats))).isEqualTo(4.0 / 8);
        assertThat(RoutingMetrics.occupancy(new RoutingSnapshot(AT, 1, Map.of(), Map.of(Tier.TIER1,
                Map.of(SeatState.NOT_READY, 2))))).isZero();
    }
}
