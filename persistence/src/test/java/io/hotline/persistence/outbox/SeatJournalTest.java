package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.dao.SeatStateRow;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.sla.ServiceLevels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Seat states and refusals through the routing journal into the real database: each seat's last state is kept
 * (with since when), each refusal is a row, and replaying entries changes nothing.
 */
class SeatJournalTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00.000Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static JdbiWorkOrderStore workOrders;
    private static List<String> seats;

    @TempDir
    Path logDirectory;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @BeforeAll
    static void seed() {
        DemoSeed.load(DB.jdbi());
        workOrders = new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT, InstantSource.fixed(T0));
        seats = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT code FROM seat ORDER BY id LIMIT 3")
                .mapTo(String.class).list());
    }

    @BeforeEach
    void clean() {
        DB.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM seat_state");
            handle.execute("DELETE FROM routing_refusal");
        });
    }

    @Test
    void shouldKeepEachSeatsLastStateAndSinceWhenItHasBeenInIt() {
        try (DurableRoutingJournal journal = start()) {
            // given a seat logs in, goes not ready with reason 12, a second logs in, a third logs in and out
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(0), SeatState.READY, null));
            at(T0.plusSeconds(5));
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(0), SeatState.NOT_READY,
                    "code-12"));
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(1), SeatState.READY, null));
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(2), SeatState.READY, null));
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(2), SeatState.LOGGED_OUT, null));
            // and after a restart the first comes back in the same state: it has been not ready since T0 + 5 s
            at(T0.plusSeconds(60));
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged(seats.get(0), SeatState.NOT_READY,
                    "code-12"));
            // and a state change for a seat the database does not know changes nothing
            journal.seatStateChanged(new RoutingCommand.SeatStateChanged("NO-SUCH-SEAT", SeatState.READY, null));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();
        }

        assertThat(DB.jdbi().onDemand(SeatStateDao.class).listActive()).containsExactlyInAnyOrder(
                new SeatStateRow(seats.get(0), SeatState.NOT_READY, "code-12", T0.plusSeconds(5)),
                new SeatStateRow(seats.get(1), SeatState.READY, null, T0.plusSeconds(5)),
                new SeatStateRow(seats.get(2), SeatState.LOGGED_OUT, null, T0.plusSeconds(5)));
    }

    @Test
    void shouldKeepEveryRefusal() {
        try (DurableRoutingJournal journal = start()) {
            journal.requestRejected(new RoutingCommand.RequestRejected(seats.get(0),
                    "seat is logged out: log in first", "ready"));
            at(T0.plusMillis(1));
            journal.requestRejected(new RoutingCommand.RequestRejected(seats.get(0),
                    "seat is logged out: log in first", "ready"));
            journal.requestRejected(new RoutingCommand.RequestRejected("1795347580.0", "unknown call"));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        assertThat(refusals()).containsExactly(
                Map.of("subject", seats.get(0), "request", "ready", "reason", "seat is logged out: log in first"),
                Map.of("subject", seats.get(0), "request", "ready", "reason", "seat is logged out: log in first"),
                Map.of("subject", "1795347580.0", "request", "-", "reason", "unknown call"));
    }

    @Test
    void shouldLogRefusalsAtInfoAtMostTwentyAMinuteAndSayHowManyWereNotLogged() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger journalLog = (Logger) LoggerFactory.getLogger(DurableRoutingJournal.class);
        log.start();
        journalLog.addAppender(log);
        try (DurableRoutingJournal journal = start()) {
            // a phone keying *24 again and again while logged out
            for (int i = 0; i < 25; i++) {
                journal.requestRejected(new RoutingCommand.RequestRejected(seats.get(0),
                        "seat is logged out: log in first", "ready"));
            }
            at(T0.plusSeconds(61));
            journal.requestRejected(new RoutingCommand.RequestRejected(seats.get(0),
                    "seat is logged out: log in first", "ready"));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        } finally {
            journalLog.detachAppender(log);
        }

        List<String> lines = log.list.stream().filter(event -> event.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("Routing refused")).toList();
        assertThat(lines).hasSize(22).startsWith("Routing refused ready of " + seats.get(0)
                + ": seat is logged out: log in first");
        assertThat(lines.get(20)).isEqualTo("Routing refused 5 more requests in the last minute (not logged one by"
                + " one)");
        // and every refusal is kept all the same
        assertThat(refusals()).hasSize(26);
    }

    @Test
    void shouldChangeNothingWhenEntriesAreReplayed() {
        JournalWrites writes = new JournalWrites("pbx1", workOrders);
        List<JournalEntry> entries = List.of(
                new JournalEntry.SeatStateChanged(1, T0, seats.get(0), SeatState.READY, null),
                new JournalEntry.Refused(2, T0, seats.get(1), "logout", "seat is logged out already"),
                new JournalEntry.SeatStateChanged(3, T0.plusSeconds(9), seats.get(0), SeatState.NOT_READY,
                        "code-12"));

        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries));
        // a replay of all of them, then of the older state change alone
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries));
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries.subList(0, 1)));

        assertThat(DB.jdbi().onDemand(SeatStateDao.class).listActive()).containsExactly(
                new SeatStateRow(seats.get(0), SeatState.NOT_READY, "code-12", T0.plusSeconds(9)));
        assertThat(refusals()).hasSize(1);
    }

    private void at(Instant instant) {
        now.set(instant);
    }

    private DurableRoutingJournal start() {
        InstantSource clock = now::get;
        return DurableRoutingJournal.start(DB.jdbi(), workOrders, "pbx1", JournalConfig.of(logDirectory, "pbx1")
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(400)), clock);
    }

    private static List<Map<String, Object>> refusals() {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT subject, COALESCE(request, '-') AS request,"
                + " reason FROM routing_refusal ORDER BY refused_at, id").mapToMap().list());
    }
}
