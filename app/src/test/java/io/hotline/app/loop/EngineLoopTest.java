package io.hotline.app.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.loop.Engine;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic loop, once, with a counter engine whose timers follow a clock the test moves by hand. */
class EngineLoopTest {
    private static final String THREAD = "counter-engine";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final List<Handed> handed = new CopyOnWriteArrayList<>();
    private EngineLoop<CounterEvent, String, Counts> loop;

    @AfterEach
    void stopLoop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void shouldApplyEventsInOrderInBatchesAndPublishEachBatchsSnapshotBeforeHandingOnItsCommands() {
        // given ten events waiting for a loop that takes four at a time
        loop = loop(16, 4, command -> { });
        for (int i = 1; i <= 10; i++) {
            loop.offer(new Add(i));
        }

        // when it starts
        loop.start();

        // then the commands are handed on in the order of the events, on the loop's thread, batch by batch, each
        // batch after its snapshot was published
        await().atMost(PATIENCE).until(() -> handed.size() == 10);
        assertThat(handed).extracting(Handed::command).containsExactly("added 1", "added 2", "added 3", "added 4",
                "added 5", "added 6", "added 7", "added 8", "added 9", "added 10");
        assertThat(handed).extracting(Handed::thread).containsOnly(THREAD);
        assertThat(handed).extracting(done -> done.published().applied())
                .containsExactly(4L, 4L, 4L, 4L, 8L, 8L, 8L, 8L, 10L, 10L);
        assertThat(loop.snapshot()).isEqualTo(new Counts(10, 55, 0, 0));
        assertThat(loop.eventsApplied()).isEqualTo(10);
    }

    @Test
    void shouldPublishTheEnginesFirstSnapshotBeforeAnyEvent() {
        loop = loop(16, 4, command -> { });

        assertThat(loop.snapshot()).isEqualTo(new Counts(0, 0, 0, 0));
        assertThat(loop.eventsApplied()).isZero();
        assertThat(loop.threadName()).isEqualTo(THREAD);
    }

    @Test
    void shouldTickOnlyWhenTheEnginesTimerIsDueByTheClock() {
        // given a running loop and a timer due 50 ms from now by the clock, which stands still
        loop = loop(16, 4, command -> { });
        loop.start();
        loop.offer(new SetTimer(Duration.ofMillis(50)));
        await().atMost(PATIENCE).until(() -> commands().contains("timer set"));

        // then the loop, waking every 50 ms, does not tick while the clock has not reached the timer
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> loop.snapshot().ticks() == 0);

        // when the clock reaches it, with no event arriving
        clock.advance(Duration.ofMillis(50));

        // then the loop applies a tick on its own, the timer fires, and the snapshot shows it
        await().atMost(PATIENCE).until(() -> commands().contains("fired"));
        assertThat(loop.snapshot().fired()).isEqualTo(1);
        assertThat(loop.snapshot().ticks()).isEqualTo(1);
    }

    @Test
    void shouldApplyTheTickAfterTheEventsOfTheBatchInWhichTheTimerFellDue() {
        // given a batch whose second event sets a timer due at once
        loop = loop(16, 4, command -> { });
        loop.offer(new Add(1));
        loop.offer(new SetTimer(Duration.ZERO));
        loop.offer(new Add(2));

        // when the loop runs it
        loop.start();

        // then the tick comes after the batch's events, and its command is handed on with theirs, after one snapshot
        await().atMost(PATIENCE).until(() -> handed.size() == 4);
        assertThat(commands()).containsExactly("added 1", "timer set", "added 2", "fired");
        assertThat(handed).extracting(Handed::published).containsOnly(new Counts(4, 3, 1, 1));
    }

    @Test
    void shouldCountAndSkipAnEventThatThrowsAndHandOnWhatItEmittedBefore() {
        // given a failing event, as a bug in the engine would be, between two good ones
        loop = loop(16, 4, command -> { });
        loop.offer(new Add(1));
        loop.offer(new Fail());
        loop.offer(new Add(2));

        // when the loop runs them
        loop.start();

        // then the failure is counted, what it emitted before it threw is handed on, and the loop goes on
        await().atMost(PATIENCE).until(() -> handed.size() == 3);
        assertThat(commands()).containsExactly("added 1", "about to fail", "added 2");
        assertThat(loop.failures()).isEqualTo(1);
        assertThat(loop.snapshot()).isEqualTo(new Counts(2, 3, 0, 0));
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void shouldCountACommandWhoseHandOffThrowsAndHandOnTheCommandsAfterIt() {
        // given a hand-off that fails on one command, as a bug in a port would
        loop = loop(16, 4, command -> {
            if (command.equals("added 2")) {
                throw new IllegalStateException("a bug in a port");
            }
        });
        loop.offer(new Add(1));
        loop.offer(new Add(2));
        loop.offer(new Add(3));

        // when the loop runs them
        loop.start();

        // then the failure is counted and the next command is still handed on
        await().atMost(PATIENCE).until(() -> commands().contains("added 3"));
        assertThat(commands()).containsExactly("added 1", "added 2", "added 3");
        assertThat(loop.failures()).isEqualTo(1);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void shouldApplyWhatIsInTheInboxBeforeItStopsOnClose() throws InterruptedException {
        // given a loop held up by an event, with ten more waiting behind it
        Block block = new Block();
        loop = loop(16, 4, command -> { });
        loop.start();
        loop.offer(block);
        await().atMost(PATIENCE).untilTrue(block.entered);
        for (int i = 1; i <= 10; i++) {
            loop.offer(new Add(i));
        }

        // when it is closed (close offers a tick to wake the loop: it is queued behind the ten) and then let go
        Thread closer = new Thread(loop::close, "closer");
        closer.start();
        await().atMost(PATIENCE).until(() -> loop.inboxDepth() == 11);
        block.release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        // then every waiting event was applied and handed on before the thread ended
        assertThat(closer.isAlive()).isFalse();
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.snapshot().total()).isEqualTo(55);
        assertThat(commands()).filteredOn(command -> command.startsWith("added")).hasSize(10);
        assertThat(loop.inboxDepth()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.isAlive()
                && thread.getName().equals(THREAD));
        // closing twice is harmless
        loop.close();
    }

    @Test
    void shouldCountWhatAFullInboxRefusesAndReportItOnceInHealth() {
        // given a loop with an inbox of two, held up by its first event
        Block block = new Block();
        loop = loop(2, 4, command -> { });
        HealthCheck health = new EngineLoopHealthCheck("counter", loop);
        assertThat(health.check()).isEqualTo(ComponentHealth.down("the counter-engine thread is not running"));
        loop.start();
        loop.offer(block);
        await().atMost(PATIENCE).untilTrue(block.entered);

        // when the inbox fills and a third event comes
        assertThat(loop.offer(new Add(1))).isTrue();
        assertThat(loop.offer(new Add(2))).isTrue();
        assertThat(loop.offer(new Add(3))).isFalse();

        // then the refusal is counted, and health is down for one check
        assertThat(loop.inboxRefused()).isEqualTo(1);
        assertThat(loop.inboxDepth()).isEqualTo(2);
        assertThat(health.check()).isEqualTo(ComponentHealth.down(
                "the counter inbox was full and refused 1 events since the last check"));
        block.release.countDown();
        await().atMost(PATIENCE).until(() -> loop.snapshot().total() == 3);
        assertThat(health.check()).isEqualTo(ComponentHealth.up("counter thread running",
                Map.of("eventsApplied", 3L, "inboxDepth", 0, "failures", 0L)));

        // and down for good once the thread has stopped
        loop.close();
        assertThat(health.check()).isEqualTo(ComponentHealth.down("the counter-engine thread is not running"));
    }

    @Test
    void shouldAnswerAnAskWithExactlyTheCommandsOfItsEventAfterTheBatchWasHandedOn() {
        // given a loop held up by its first event, with other events around the asked one in the same batch
        Block block = new Block();
        loop = loop(16, 8, command -> { });
        loop.start();
        loop.offer(block);
        await().atMost(PATIENCE).untilTrue(block.entered);
        loop.offer(new Add(1));
        CompletableFuture<List<String>> answer = loop.ask(new Add(2)).toCompletableFuture();
        CompletableFuture<List<String>> equalButOther = loop.ask(new Add(2)).toCompletableFuture();
        loop.offer(new Add(3));

        // when the batch is applied
        block.release.countDown();

        // then each ask gets only its own event's commands, on the loop's thread, after the whole batch was handed on
        await().atMost(PATIENCE).until(answer::isDone);
        await().atMost(PATIENCE).until(equalButOther::isDone);
        assertThat(answer.join()).containsExactly("added 2");
        assertThat(equalButOther.join()).containsExactly("added 2");
        assertThat(commands()).containsExactly("added 1", "added 2", "added 2", "added 3");
    }

    @Test
    void shouldAnswerAnAskWithTheEnginesFailure() {
        loop = loop(16, 8, command -> { });
        loop.start();

        CompletableFuture<List<String>> answer = loop.ask(new Fail()).toCompletableFuture();

        await().atMost(PATIENCE).until(answer::isDone);
        assertThatThrownBy(answer::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(commands()).containsExactly("about to fail");
    }

    @Test
    void shouldRefuseAnAskWhenTheInboxIsFullOrTheLoopIsStopped() {
        // given a loop with an inbox of one, held up by its first event and with one event waiting
        Block block = new Block();
        loop = loop(1, 4, command -> { });
        loop.start();
        loop.offer(block);
        await().atMost(PATIENCE).untilTrue(block.entered);
        loop.offer(new Add(1));

        // when asked again, then stopped and asked
        CompletableFuture<List<String>> full = loop.ask(new Add(2)).toCompletableFuture();
        block.release.countDown();
        loop.close();
        CompletableFuture<List<String>> stopped = loop.ask(new Add(3)).toCompletableFuture();

        // then both are refused at once, and nothing of theirs is applied
        assertThat(full).isCompletedExceptionally();
        assertThatThrownBy(full::join).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("inbox is full");
        assertThat(stopped).isCompletedExceptionally();
        assertThatThrownBy(stopped::join).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("stopped");
        assertThat(commands()).containsExactly("added 1");
    }

    @Test
    void shouldRejectABlankThreadNameOrABatchBelowOne() {
        assertThatThrownBy(() -> new EngineLoopConfig(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threadName must not be blank");
        assertThatThrownBy(() -> new EngineLoopConfig(THREAD, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatch must be positive: 0");
    }

    private EngineLoop<CounterEvent, String, Counts> loop(int capacity, int maxBatch, Consumer<String> port) {
        return new EngineLoop<>(new EngineLoopConfig(THREAD, maxBatch), new CounterEngine(clock),
                new Inbox<>(capacity), command -> {
                    handed.add(new Handed(command, Thread.currentThread().getName(), loop.snapshot()));
                    port.accept(command);
                }, clock);
    }

    private List<String> commands() {
        return handed.stream().map(Handed::command).toList();
    }

    /** A command as the hand-off saw it: on which thread, and which snapshot was published then. */
    private record Handed(String command, String thread, Counts published) {
    }

    /** The counter engine's snapshot. */
    private record Counts(long applied, int total, int ticks, int fired) {
    }

    private sealed interface CounterEvent permits Add, SetTimer, Fail, Block, Tick {
    }

    private record Add(int amount) implements CounterEvent {
    }

    private record SetTimer(Duration in) implements CounterEvent {
    }

    private record Fail() implements CounterEvent {
    }

    private record Tick() implements CounterEvent {
    }

    /** Holds the loop's thread until released, so the test can fill the inbox behind it. */
    private record Block(AtomicBoolean entered, CountDownLatch release) implements CounterEvent {
        Block() {
            this(new AtomicBoolean(), new CountDownLatch(1));
        }
    }

    /** Adds numbers, keeps one timer by the clock, and fails on demand. Confined to the loop's thread. */
    private static final class CounterEngine implements Engine<CounterEvent, String, Counts> {
        private final InstantSource clock;
        private Instant timer = Instant.MAX;
        private long applied;
        private int total;
        private int ticks;
        private int fired;

        CounterEngine(InstantSource clock) {
            this.clock = clock;
        }

        @Override
        public void apply(CounterEvent event, Consumer<? super String> sink) {
            if (event instanceof Add add) {
                total += add.amount();
                sink.accept("added " + add.amount());
            } else if (event instanceof SetTimer set) {
                timer = clock.instant().plus(set.in());
                sink.accept("timer set");
            } else if (event instanceof Fail) {
                sink.accept("about to fail");
                throw new IllegalStateException("a bug in the engine");
            } else if (event instanceof Block block) {
                block.entered().set(true);
                awaitQuietly(block.release());
            } else if (event instanceof Tick) {
                ticks++;
                if (!clock.instant().isBefore(timer)) {
                    timer = Instant.MAX;
                    fired++;
                    sink.accept("fired");
                }
            }
            applied++;
        }

        @Override
        public Instant nextTimer() {
            return timer;
        }

        @Override
        public CounterEvent tick() {
            return new Tick();
        }

        @Override
        public Counts snapshot() {
            return new Counts(applied, total, ticks, fired);
        }

        @Override
        public long eventsApplied() {
            return applied;
        }
    }

    /** A clock the test moves by hand; read on the loop's thread. */
    private static final class ManualClock implements InstantSource {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
