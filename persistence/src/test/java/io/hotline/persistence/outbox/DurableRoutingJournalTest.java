package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.Database;
import io.hotline.persistence.PersistenceConfig;
import io.hotline.persistence.testing.CuttableTcpProxy;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.ComponentHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing journal against the real server, reached through a TCP proxy on loopback whose line the test cuts:
 * what routing hands over while the database is away waits on disk and reaches each work order exactly once when
 * it answers again, also across a stop and a start; one entry the database refuses does not hold back the rest.
 */
class DurableRoutingJournalTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant OPENED = JournalCalls.OPENED;
    private static final Instant EMITTED = JournalCalls.EMITTED;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static JournalCalls calls;
    private static JdbiWorkOrderStore workOrders;
    private static String seat;

    @TempDir
    Path logDirectory;
    private CuttableTcpProxy line;
    private Database throughLine;

    @BeforeAll
    static void seed() {
        calls = JournalCalls.seed(DB.jdbi());
        workOrders = calls.workOrders();
        seat = calls.seat();
    }

    @BeforeEach
    void openLine() throws IOException {
        calls.newTest("t");
        PersistenceConfig direct = DB.config();
        Matcher url = Pattern.compile("^jdbc:mysql://[^:/]+:(\\d+)/(.*)$").matcher(direct.jdbcUrl());
        assertThat(url.matches()).as("test database URL %s", direct.jdbcUrl()).isTrue();
        line = new CuttableTcpProxy(Integer.parseInt(url.group(1)));
        throughLine = Database.open(new PersistenceConfig("jdbc:mysql://127.0.0.1:" + line.port() + "/"
                + url.group(2), direct.user(), direct.password(), 2, Duration.ofSeconds(1)), null);
    }

    @AfterEach
    void closeLine() {
        throughLine.close();
        line.close();
    }

    @Test
    void shouldWriteDecisionConnectionAndAbandonToTheWorkOrdersAtTheTimeRoutingEmittedThem() {
        long answered = open("answered");
        long abandoned = open("abandoned");
        long escalatedThenLeft = open("escalated");

        List<String> told = new CopyOnWriteArrayList<>();
        try (DurableRoutingJournal journal = start(DB.jdbi())) {
            journal.onWorkOrdersWritten(told::addAll);
            journal.recordDecision(new RoutingCommand.RecordDecision(call("answered"), "step tier1: chose " + seat));
            journal.callConnected(new RoutingCommand.CallConnected(call("answered"), seat, Duration.ofSeconds(7)));
            journal.callAbandoned(new RoutingCommand.CallAbandoned(call("abandoned"), "support",
                    Duration.ofSeconds(42)));
            journal.callAbandoned(new RoutingCommand.CallAbandoned(call("never-opened"), "support", Duration.ZERO));
            // answered, escalated, then the caller left while waiting in tier 2: no longer NEW, so not cancelled
            journal.callConnected(new RoutingCommand.CallConnected(call("escalated"), seat, Duration.ofSeconds(3)));
            journal.callAbandoned(new RoutingCommand.CallAbandoned(call("escalated"), "tier2", Duration.ofSeconds(9)));

            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        assertThat(actions(answered)).containsExactly("CREATED", "ROUTING", "CONNECTED");
        assertThat(actions(abandoned)).containsExactly("CREATED", "ABANDONED");
        assertThat(eventTimes(answered)).containsExactly(OPENED, EMITTED, EMITTED);
        assertThat(actions(escalatedThenLeft)).containsExactly("CREATED", "CONNECTED", "ABANDONED");
        // routing's trail, not its decisions: the desk decides what becomes of a work order
        assertThat(List.of(state(answered), state(abandoned), state(escalatedThenLeft)))
                .containsOnly("NEW");
        // and the caller look-up was not told: routing's entries wrote no work order (the desk's openings do)
        assertThat(told).isEmpty();
    }

    @Test
    void shouldKeepEntriesOnDiskWhileTheDatabaseIsAwayAndWriteEachOnceWhenItAnswers() {
        List<Long> orders = openCalls(20);

        try (DurableRoutingJournal journal = start(throughLine.jdbi())) {
            // given the database goes away
            line.cut();

            // when routing goes on meanwhile
            handOverRoutedCalls(journal, 20);

            // then everything waits on disk, nothing is lost, and the database has none of it yet
            await().atMost(PATIENCE).until(() -> journal.waitingOnDisk() == 40 && journal.failures() > 0);
            assertThat(journal.dropped()).isZero();
            assertThat(actions(orders.get(0))).containsExactly("CREATED");

            // when the database answers again
            line.mend();

            // then every entry reaches its work order exactly once, in the order routing emitted them
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }
        for (long order : orders) {
            assertThat(actions(order)).containsExactly("CREATED", "ROUTING", "CONNECTED");
        }
    }

    @Test
    void shouldWriteOnTheNextStartWhatAStopDuringAnOutageLeftOnDiskAndNothingTwice() {
        List<Long> orders = openCalls(10);
        try (DurableRoutingJournal stoppedDuringOutage = start(throughLine.jdbi())) {
            line.cut();
            handOverRoutedCalls(stoppedDuringOutage, 10);
            await().atMost(PATIENCE).until(() -> stoppedDuringOutage.waitingOnDisk() == 20);
        }
        line.mend();

        try (DurableRoutingJournal next = start(DB.jdbi())) {
            await().atMost(PATIENCE).until(() -> next.backlog() == 0);
        }
        for (long order : orders) {
            assertThat(actions(order)).containsExactly("CREATED", "ROUTING", "CONNECTED");
        }

        // and a start after that finds nothing left to write
        try (DurableRoutingJournal third = start(DB.jdbi())) {
            assertThat(third.waitingOnDisk()).isZero();
        }
        assertThat(actions(orders.get(0))).containsExactly("CREATED", "ROUTING", "CONNECTED");
    }

    @Test
    void shouldSayWhatWasHandedOverIsOnDiskOnlyOnceTheLogHasItAndAtOnceWhenNothingIsPending() throws Exception {
        try (DurableRoutingJournal journal = start(throughLine.jdbi())) {
            // given the database is away, so nothing can reach it before the log on disk has it
            line.cut();
            // when a call joins and the route script then asks whether that is on disk
            journal.callJoined(new RoutingCommand.CallJoined(call("joined"), "support",
                    RoutingEvent.CallOrigin.UNKNOWN, null, null));
            CompletableFuture<Long> onDiskWhenDone = journal.whenLogged()
                    .thenApply(durable -> durable ? journal.waitingOnDisk() : -1L).toCompletableFuture();
            // then the answer comes, and by then the JOINED entry is in the log on disk
            assertThat(onDiskWhenDone.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
            // and with nothing pending the answer is true at once, and no entry is added for asking
            assertThat(journal.whenLogged().toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(journal.waitingOnDisk()).isEqualTo(1L);
        }
    }

    @Test
    void shouldSayAJournalThatStoppedCannotTellWhatIsOnDisk() throws Exception {
        // a journal that has stopped says so instead of pretending (its own log and checkpoint)
        DurableRoutingJournal stopped = DurableRoutingJournal.start(DB.jdbi(), workOrders, "pbx9",
                JournalConfig.of(Files.createDirectory(logDirectory.resolve("stopped")), "pbx9"),
                InstantSource.fixed(EMITTED));
        stopped.close();
        assertThat(stopped.whenLogged().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void shouldWriteACallbackAndAScoreTakenDuringAnOutageOnTheWorkOrderTheDeskOpensAfterThem() {
        Instant arrived = Instant.parse("2026-12-05T09:00:03.500Z");
        long id = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1000"
                + " FROM work_order").mapTo(Long.class).one());
        try (DurableRoutingJournal journal = start(throughLine.jdbi())) {
            // given the database is away when a call arrives and is answered
            line.cut();
            journal.callJoined(new RoutingCommand.CallJoined(call("late"), "support", new RoutingEvent.CallOrigin(
                    call("late") + ".chan", "+8613800138000", "4008001234", null), "ERP_U8", null));
            journal.recordDecision(new RoutingCommand.RecordDecision(call("late"), "chose " + seat));
            journal.callConnected(new RoutingCommand.CallConnected(call("late"), seat, Duration.ofSeconds(4)));
            // and, after the conversation, the caller asks to be called back tomorrow
            Instant tomorrow = Instant.parse("2026-12-06T01:00:00Z");
            journal.callbackRequested(call("late"), "+8613800138000", arrived.plusSeconds(600), tomorrow);
            // and keys a score
            journal.surveyAnswered(call("late"), 4, arrived.plusSeconds(610));
            // and only then does the desk's opening of the call's work order reach the journal
            new JournalServiceDeskStore(journal, throughLine.jdbi(), "pbx1", InstantSource.fixed(EMITTED), PATIENCE)
                    .opened(new DeskCommand.WorkOrderOpened(DeskSamples.full(id, new CallKey("pbx1", call("late")),
                            null, seat), DeskSamples.opening(id)));
            await().atMost(PATIENCE).until(() -> journal.waitingOnDisk() == 6);

            // when the database answers again
            line.mend();

            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();
            // then the work order the desk opened has routing's trail, the callback and the score after its opening
            assertThat(workOrderOf(call("late"))).isEqualTo(id);
            assertThat(actions(id)).containsExactly("OPENED", "ROUTING", "CONNECTED", "CALLBACK_REQUESTED",
                    "SURVEYED");
            // with the callback on it, due when the caller asked, pending
            Map<String, Object> callback = DB.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT phone_number, state FROM callback_request WHERE work_order_id = :id")
                    .bind("id", id).mapToMap().one());
            assertThat(callback.get("phone_number")).isEqualTo("+8613800138000");
            assertThat(callback.get("state")).isEqualTo("PENDING");
            Instant due = DB.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT due_at FROM callback_request WHERE work_order_id = :id").bind("id", id)
                    .mapTo(Instant.class).one());
            assertThat(due).isEqualTo(tomorrow);
            // and the score
            Integer score = DB.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT score FROM satisfaction_survey WHERE work_order_id = :id AND outcome = 'ANSWERED'")
                    .bind("id", id).mapTo(Integer.class).one());
            assertThat(score).isEqualTo(4);
        }
    }

    @Test
    void shouldSkipAnEntryTheDatabaseRefusesAndWriteTheOnesAroundIt() {
        long before = open("before-bad");
        long bad = open("bad");
        long after = open("after-bad");
        String tooLongForAPhoneNumber = "9".repeat(100);

        try (DurableRoutingJournal journal = start(DB.jdbi())) {
            journal.recordDecision(new RoutingCommand.RecordDecision(call("before-bad"), "chose " + seat));
            journal.callbackRequested(call("bad"), tooLongForAPhoneNumber, OPENED, EMITTED);
            journal.recordDecision(new RoutingCommand.RecordDecision(call("after-bad"), "chose " + seat));

            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isEqualTo(1);
        }

        assertThat(actions(before)).containsExactly("CREATED", "ROUTING");
        assertThat(actions(after)).containsExactly("CREATED", "ROUTING");
        // the refused entry changed nothing at all: its trail row went back with it
        assertThat(actions(bad)).containsExactly("CREATED");
    }

    @Test
    void shouldReportDownAndKeepTheEntriesWhileItsLogCannotBeWrittenThenWriteThemOnce() throws IOException {
        List<Long> orders = openCalls(3);
        // given a journal that starts a segment file at every append, and a directory where its next file must go
        JournalConfig everyAppendANewSegment = JournalConfig.of(logDirectory, "pbx1")
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(400)).withSegmentBytes(1);
        try (DurableRoutingJournal journal = DurableRoutingJournal.start(DB.jdbi(), workOrders, "pbx1",
                everyAppendANewSegment,
                InstantSource.fixed(EMITTED))) {
            long before = open("before");
            journal.recordDecision(new RoutingCommand.RecordDecision(call("before"), "chose " + seat));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(actions(before)).containsExactly("CREATED", "ROUTING");
            assertThat(journal.healthCheck().check().status()).isEqualTo(ComponentHealth.Status.UP);
            Path blocker = Files.createDirectory(logDirectory.resolve(String.format("journal-%020d.log", 2)));

            // when routing hands entries over while the log cannot take them
            handOverRoutedCalls(journal, 3);

            // then the journal says so, holds the entries, and writes nothing to the work orders yet
            await().atMost(PATIENCE).until(() -> journal.healthCheck().check().status()
                    == ComponentHealth.Status.DOWN);
            assertThat(journal.healthCheck().check().detail()).contains("cannot append to the log");
            assertThat(journal.backlog()).isEqualTo(6);
            assertThat(actions(orders.get(0))).containsExactly("CREATED");

            // when the disk takes writes again
            Files.delete(blocker);

            // then every entry reaches its work order once, and the journal is UP
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            ComponentHealth health = journal.healthCheck().check();
            assertThat(health.status()).isEqualTo(ComponentHealth.Status.UP);
            assertThat(health.details()).containsEntry("backlog", 0L).containsEntry("dropped", 0L);
        }
        for (long order : orders) {
            assertThat(actions(order)).containsExactly("CREATED", "ROUTING", "CONNECTED");
        }
    }

    private DurableRoutingJournal start(Jdbi jdbi) {
        return calls.start(jdbi, logDirectory);
    }

    private List<Long> openCalls(int count) {
        return IntStream.range(0, count).mapToObj(i -> open("call-" + i)).toList();
    }

    private void handOverRoutedCalls(DurableRoutingJournal journal, int count) {
        for (int i = 0; i < count; i++) {
            journal.recordDecision(new RoutingCommand.RecordDecision(call("call-" + i), "chose " + seat));
            journal.callConnected(new RoutingCommand.CallConnected(call("call-" + i), seat, Duration.ofSeconds(i)));
        }
    }

    private String call(String name) {
        return calls.call(name);
    }

    private long open(String name) {
        return calls.open(name);
    }

    private static List<String> actions(long workOrder) {
        return WorkOrderTrail.actions(DB.jdbi(), workOrder);
    }

    private static long workOrderOf(String linkedId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM work_order WHERE asterisk_server = 'pbx1' AND call_linkedid = :call")
                .bind("call", linkedId).mapTo(Long.class).one());
    }

    private static List<Instant> eventTimes(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT occurred_at FROM work_order_event WHERE work_order_id = :id ORDER BY id").bind("id", workOrder)
                .mapTo(Instant.class).list());
    }

    private static String state(long workOrder) {
        return WorkOrderTrail.state(DB.jdbi(), workOrder);
    }
}
