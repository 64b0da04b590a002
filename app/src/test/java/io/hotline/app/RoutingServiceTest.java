package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routing thread, once (CONTRIBUTING.md 6): real engine, system clock, recording ports. */
class RoutingServiceTest {
    private static final RoutingConfig OPEN = RoutingConfig.defaults().withHours(BusinessHours.ALWAYS_OPEN);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final RecordingPorts ports = new RecordingPorts();
    private RoutingService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldApplyEventsOfferedFromAnotherThreadAndDispatchTheirCommandsOnTheRoutingThread() throws Exception {
        // given a running service
        RoutingService routing = started(OPEN, RoutingService.INBOX_CAPACITY, RoutingEngine::apply);

        // when another thread offers a seat, logs it in and offers a call it can take
        Thread producer = new Thread(() -> {
            routing.offer(seat("S1001", Tier.TIER1));
            routing.offer(new RoutingEvent.SeatLoggedIn("S1001"));
            routing.offer(call("c1"));
        }, "producer");
        producer.start();
        producer.join();

        // then the seat is offered the call, through the port, on the routing thread
        // (the offer also reaches the journal, for the call's record)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ports.calls)
                .filteredOn(call -> call.method().equals("offer")).extracting(RecordingPorts.Call::command)
                .map(RoutingCommand.OfferCall.class::cast)
                .extracting(RoutingCommand.OfferCall::callId, RoutingCommand.OfferCall::seatId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "S1001")));
        assertThat(ports.all(RoutingCommand.SeatStateChanged.class)).extracting(RoutingCommand.SeatStateChanged::state)
                .startsWith(SeatState.READY, SeatState.RESERVED);
        assertThat(ports.calls).extracting(RecordingPorts.Call::thread).containsOnly(RoutingService.THREAD_NAME);
        // and the snapshot published with that batch shows the seat reserved
        assertThat(routing.snapshot().seats(Tier.TIER1, SeatState.RESERVED)).isEqualTo(1);
        assertThat(routing.snapshot().sequence()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldFireTheEnginesTimersWhenNoEventArrives() {
        // given offers that ring for 300 ms
        RoutingService routing = started(OPEN.withOffers(Duration.ofMillis(300), 3, Duration.ZERO),
                RoutingService.INBOX_CAPACITY, RoutingEngine::apply);

        // when a call is offered and nobody answers or sends anything else
        routing.offer(seat("S1001", Tier.TIER1));
        routing.offer(new RoutingEvent.SeatLoggedIn("S1001"));
        routing.offer(call("c1"));

        // then the routing thread's own tick withdraws the offer when it rings out
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ports.all(RoutingCommand.CancelOffer.class))
                .extracting(RoutingCommand.CancelOffer::callId).contains("c1"));
    }

    @Test
    void shouldPublishASnapshotAtTheEndOfEachBatch() {
        RoutingService routing = started(OPEN, RoutingService.INBOX_CAPACITY, RoutingEngine::apply);
        // before any event, the engine's initial snapshot
        assertThat(routing.snapshot().sequence()).isZero();

        routing.offer(seat("S1001", Tier.TIER1));
        routing.offer(seat("S1002", Tier.TIER1));
        routing.offer(seat("S2001", Tier.TIER2));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(routing.snapshot().seats(Tier.TIER1, SeatState.LOGGED_OUT)).isEqualTo(2);
            assertThat(routing.snapshot().seats(Tier.TIER2, SeatState.LOGGED_OUT)).isEqualTo(1);
        });
        assertThat(routing.snapshot().queues()).containsOnlyKeys("support", "tier2", "expert");
    }

    @Test
    void shouldLogCountAndSkipAnEventWhoseHandlingThrowsAndGoOn() {
        // given a handler that fails on one poisoned event, as a bug in the engine would
        RoutingEvent poison = new RoutingEvent.SeatNotReady("S1001", "poison");
        RoutingService routing = started(OPEN, RoutingService.INBOX_CAPACITY, (engine, event, sink) -> {
            if (event.equals(poison)) {
                throw new IllegalStateException("a bug in the engine");
            }
            engine.apply(event, sink);
        });

        // when the poisoned event arrives between good ones
        routing.offer(seat("S1001", Tier.TIER1));
        routing.offer(poison);
        routing.offer(seat("S1002", Tier.TIER1));

        // then it is counted, and the events after it are applied by the same, living thread
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(routing.snapshot().seats(Tier.TIER1, SeatState.LOGGED_OUT)).isEqualTo(2));
        assertThat(routing.failures()).isEqualTo(1);
        assertThat(routing.isRunning()).isTrue();
        assertThat(routing.healthCheck().check().status()).isEqualTo(ComponentHealth.Status.UP);
    }

    @Test
    void shouldCountAPortThatThrowsAndDispatchTheCommandsAfterIt() {
        // given a call control whose offer fails
        CallControl broken = new RecordingPorts() {
            @Override
            public void offer(RoutingCommand.OfferCall offer) {
                throw new IllegalStateException("a bug in telephony");
            }
        };
        service = new RoutingService(new RoutingEngine(OPEN, InstantSource.system()),
                new RoutingInbox(RoutingService.INBOX_CAPACITY), new RoutingCommandDispatcher(broken, ports, ports,
                        RecordingPorts.deskFeed(), new RecordingPorts()),
                RoutingEngine::apply, InstantSource.system());
        service.start();

        // when a call is offered, then another seat logs in
        service.offer(seat("S1001", Tier.TIER1));
        service.offer(new RoutingEvent.SeatLoggedIn("S1001"));
        service.offer(call("c1"));
        service.offer(seat("S1002", Tier.TIER1));
        service.offer(new RoutingEvent.SeatLoggedIn("S1002"));

        // then the failure is counted and later commands still reach the journal
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ports.all(RoutingCommand.SeatStateChanged.class))
                .extracting(RoutingCommand.SeatStateChanged::seatId).contains("S1002"));
        assertThat(service.failures()).isEqualTo(1);
        assertThat(service.isRunning()).isTrue();
    }

    @Test
    void shouldReportDownWhileTheInboxRefusesAndWhenTheThreadHasStopped() {
        // given an inbox of one event and a routing thread held up by the first event
        RoutingEvent blocker = new RoutingEvent.SeatReady("blocker");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean blocked = new AtomicBoolean();
        RoutingService routing = started(OPEN, 1, (engine, event, sink) -> {
            if (event.equals(blocker)) {
                blocked.set(true);
                awaitQuietly(release);
            }
            engine.apply(event, sink);
        });
        HealthCheck health = routing.healthCheck();
        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);
        routing.offer(blocker);
        await().atMost(PATIENCE).untilTrue(blocked);

        // when the inbox fills and refuses an event
        assertThat(routing.offer(seat("S1001", Tier.TIER1))).isTrue();
        assertThat(routing.offer(seat("S1002", Tier.TIER1))).isFalse();

        // then routing is down until a check finds no new refusal
        ComponentHealth refusing = health.check();
        assertThat(refusing.status()).isEqualTo(ComponentHealth.Status.DOWN);
        assertThat(refusing.detail()).isEqualTo("the routing inbox was full and refused 1 events since the last check");
        release.countDown();
        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);

        // and down for good once the thread has stopped
        routing.close();
        assertThat(health.check()).isEqualTo(ComponentHealth.down("the routing-engine thread is not running"));
    }

    @Test
    void shouldStopPromptlyOnCloseAndLeaveNoThread() {
        RoutingService routing = started(OPEN, RoutingService.INBOX_CAPACITY, RoutingEngine::apply);
        routing.offer(seat("S1001", Tier.TIER1));
        await().atMost(PATIENCE).until(() -> routing.snapshot().sequence() == 1);

        long started = System.nanoTime();
        routing.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(routing.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.isAlive()
                && thread.getName().equals(RoutingService.THREAD_NAME));
        // closing twice is harmless
        routing.close();
    }

    private RoutingService started(RoutingConfig config, int capacity, RoutingService.EventHandler handler) {
        service = new RoutingService(new RoutingEngine(config, InstantSource.system()), new RoutingInbox(capacity),
                new RoutingCommandDispatcher(ports, ports, ports, RecordingPorts.deskFeed(), ports), handler,
                InstantSource.system());
        service.start();
        return service;
    }

    private static RoutingEvent seat(String id, Tier tier) {
        return new RoutingEvent.SeatConfigured(new SeatProfile(id, tier, Map.of("ERP_U8", 3), "PJSIP/" + id));
    }

    private static RoutingEvent call(String id) {
        return new RoutingEvent.CallArrived(id, RoutingConfig.SUPPORT, List.of(new SkillRequirement("ERP_U8", 1)),
                CallPriority.NORMAL, null, null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
