package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.field.FieldQueries;
import io.hotline.persistence.field.FieldReportRow;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field leg's store through the one durable journal, against the real server: every kind of entry is written
 * to its tables and what the desk computed is loaded back equal (instants to the millisecond, coordinates and
 * distances to the bit); closed and cancelled dispatches are not loaded; entries written twice (a replay) leave one
 * row each; what an earlier run logged is loaded by the next.
 */
class JournalFieldStoreTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-12-05T11:00:00.456Z");

    private static JournalCalls calls;

    @TempDir
    Path logDirectory;

    @BeforeAll
    static void seed() {
        calls = JournalCalls.seed(DB.jdbi());
    }

    @BeforeEach
    void newTest() {
        calls.newTest("f");
    }

    @Test
    void shouldLoadBackEveryOpenDispatchAsTheDeskStoredItToTheMillisecond() throws Exception {
        long full = calls.open("full");
        long bare = calls.open("bare");
        long closed = calls.open("closed");
        long cancelled = calls.open("cancelled");
        long cancelledWithoutTime = calls.open("cancelledWithoutTime");
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalFieldStore store = store(journal);
            // given a dispatch stored three times (opened, changed, changed again), one unplaced, one closed and
            // reported, one cancelled
            StoredDispatch fullForm = FieldSamples.full(full, DispatchState.COMPLETED, null);
            store.dispatchChanged(changed(FieldSamples.bare(full), 1));
            store.dispatchChanged(changed(fullForm, 8));
            store.dispatchChanged(new FieldCommand.DispatchChanged(fullForm, FieldSamples.step(full, 9,
                    FieldSamples.engineer("FE-007"), FieldSamples.AWKWARD)));
            store.dispatchChanged(changed(FieldSamples.bare(bare), 1));
            StoredDispatch closedForm = FieldSamples.full(closed, DispatchState.CLOSED, FieldSamples.AT.plusSeconds(9));
            store.dispatchChanged(changed(closedForm, 9));
            store.reported(new FieldCommand.ServiceReported(closedForm, FieldSamples.AT.plusMillis(20_000_123)));
            store.dispatchChanged(changed(FieldSamples.full(cancelled, DispatchState.CANCELLED,
                    FieldSamples.AT.plusSeconds(3)), 2));
            store.dispatchChanged(changed(FieldSamples.full(cancelledWithoutTime, DispatchState.CANCELLED, null), 3));
            store.smsQueued(new FieldCommand.SendSms(full, "assigned-FE-007", "+8613900139000", FieldSamples.AWKWARD));

            // when what was handed over is logged, and the desk restores
            assertThat(store.durable().toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
            List<StoredDispatch> loaded = store.load();

            // then the open ones come back as stored last, legs, ranking, follow-up, score and all
            List<Long> ours = List.of(full, bare, closed, cancelled, cancelledWithoutTime);
            assertThat(loaded).filteredOn(dispatch -> ours.contains(dispatch.workOrderId()))
                    .containsExactly(fullForm, FieldSamples.bare(bare));
            // and the trail, the SMS and the report are in their tables
            assertThat(trail(full)).extracting(FieldStep::sequence).containsExactly(1, 8, 9);
            assertThat(trail(full).get(2)).isEqualTo(FieldSamples.step(full, 9, FieldSamples.engineer("FE-007"),
                    FieldSamples.AWKWARD));
            Map<String, Object> sms = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT direction, status,"
                    + " phone_number, body, sms_key, attempts, next_attempt_at FROM sms_message"
                    + " WHERE work_order_id = :id").bind("id", full).mapToMap().one());
            assertThat(sms).containsEntry("direction", "OUT").containsEntry("status", "QUEUED")
                    .containsEntry("phone_number", "+8613900139000").containsEntry("body", FieldSamples.AWKWARD)
                    .containsEntry("sms_key", "assigned-FE-007").containsEntry("attempts", 0);
            assertThat(instant("SELECT next_attempt_at FROM sms_message WHERE work_order_id = " + full))
                    .isEqualTo(NOW);
            Map<String, Object> report = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT branch_code,"
                    + " engineer_code, legs, satisfaction, score_total, score_satisfaction, score_punctuality,"
                    + " score_deadlines FROM field_report WHERE work_order_id = :id").bind("id", closed)
                    .mapToMap().one());
            assertThat(report).containsEntry("branch_code", "BR-SUZHOU").containsEntry("engineer_code", "FE-007")
                    .containsEntry("legs", 2).containsEntry("score_total", 90).containsEntry("score_satisfaction", 40)
                    .containsEntry("score_punctuality", 20).containsEntry("score_deadlines", 30);
            assertThat(((Number) report.get("satisfaction")).intValue()).isEqualTo(4);
            Instant reportedAt = FieldSamples.AT.plusMillis(20_000_123);
            assertThat(instant("SELECT reported_at FROM field_report WHERE work_order_id = " + closed))
                    .isEqualTo(reportedAt);
            // and headquarters' feed reads it in its window, to the millisecond
            FieldQueries queries = new FieldQueries(DB.jdbi());
            assertThat(queries.reports(reportedAt.plusMillis(1), reportedAt.plusSeconds(1))).isEmpty();
            List<FieldReportRow> feed = queries.reports(reportedAt, reportedAt.plusMillis(1));
            assertThat(feed).extracting(FieldReportRow::workOrderId).containsExactly(closed);
            FieldReportRow row = feed.get(0);
            assertThat(row.legs()).isEqualTo(2);
            assertThat(row.distanceKm()).isEqualTo(closedForm.currentLeg().distanceKm());
            assertThat(row.acknowledgedAt()).isEqualTo(closedForm.currentLeg().acknowledgedAt());
            assertThat(row.arrivedAt()).isEqualTo(closedForm.arrivedAt());
            assertThat(row.closedAt()).isEqualTo(closedForm.closedAt());
            assertThat(row.satisfaction()).isEqualTo(4);
            assertThat(row.scoreTotal()).isEqualTo(90);
            assertThat(row.region()).isEqualTo("Shanghai");
        }
    }

    @Test
    void shouldWriteEveryEntryOnceWhenTheSameEntriesAreWrittenTwice() {
        // given entries of every field kind, as read back from their log lines
        long id = calls.open("replayed");
        StoredDispatch form = FieldSamples.full(id, DispatchState.CLOSED, FieldSamples.AT.plusSeconds(9));
        List<JournalEntry> entries = List.of(
                new FieldEntry.DispatchChanged(1, NOW, FieldSamples.full(id, DispatchState.COMPLETED, null),
                        FieldSamples.step(id, 8, FieldSamples.engineer("FE-007"), "done")),
                new FieldEntry.DispatchChanged(2, NOW, form, FieldSamples.step(id, 9,
                        new Actor(ActorKind.SUPERVISOR, "sup-1"), null)),
                new FieldEntry.SmsQueued(3, NOW, id, "reply-m1", "+8613900139000", "Hotline: thank you"),
                new FieldEntry.SmsQueued(4, NOW, 0, "hq", "+8613900139001", "Hotline: about no order"),
                new FieldEntry.Reported(5, NOW, form, NOW.plusMillis(1)));
        List<JournalEntry> read = entries.stream().map(JournalLine::of)
                .map(line -> JournalLine.parse(line.substring(0, line.length() - 1))).toList();
        JournalWrites writes = new JournalWrites("pbx1", calls.workOrders());

        // when they are written, then written again (a crash before the checkpoint moved)
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, read));
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, read));

        // then each is there once, as the last entry left it
        assertThat(count("field_dispatch", id)).isEqualTo(1);
        assertThat(count("field_dispatch_leg", id)).isEqualTo(2);
        assertThat(count("field_step", id)).isEqualTo(2);
        assertThat(count("field_report", id)).isEqualTo(1);
        assertThat(count("sms_message", id)).isEqualTo(1);
        int aboutNone = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM sms_message"
                + " WHERE work_order_id = 0 AND sms_key = 'hq'").mapTo(Integer.class).one());
        assertThat(aboutNone).isEqualTo(1);
        String state = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT state FROM field_dispatch"
                + " WHERE work_order_id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(state).isEqualTo("CLOSED");
    }

    @Test
    void shouldLoadWhatAnEarlierRunLoggedOnTheNextStart() throws Exception {
        // given a dispatch logged by a run that stopped
        long id = calls.open("restarted");
        StoredDispatch form = FieldSamples.full(id, DispatchState.ON_SITE, null);
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalFieldStore store = store(journal);
            store.dispatchChanged(changed(form, 5));
            assertThat(store.durable().toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        }

        // when the next run starts on the same log and loads
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            List<StoredDispatch> loaded = store(journal).load();

            // then it is there
            assertThat(loaded).filteredOn(dispatch -> dispatch.workOrderId() == id).containsExactly(form);
        }
    }

    @Test
    void shouldHaveAChangesStepAndSmsInTheTablesOnceAwaitWrittenAnswers() {
        // given a journal that has written everything so far
        long id = calls.open("readYourWrites");
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalFieldStore store = store(journal);
            assertThat(store.awaitWritten(PATIENCE)).isTrue();

            // when the desk changes a dispatch and queues an SMS, and a reader waits for the journal at once
            store.dispatchChanged(changed(FieldSamples.bare(id), 1));
            store.smsQueued(new FieldCommand.SendSms(id, "dispatch-1", "+8613900139001", "dispatch order " + id));
            boolean written = store.awaitWritten(PATIENCE);

            // then the step and the SMS are in the tables when it answers (the console reads them right after)
            assertThat(written).isTrue();
            assertThat(trail(id)).extracting(FieldStep::sequence).containsExactly(1);
            assertThat(count("sms_message", id)).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswerAtOnceThatNothingIsWrittenThroughAStoppedJournal() {
        // given a stopped journal
        DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory);
        JournalFieldStore store = store(journal);
        journal.close();

        // when a reader waits for it, then it is told at once that the tables may lack the latest writes
        long started = System.nanoTime();
        assertThat(store.awaitWritten(PATIENCE)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private static JournalFieldStore store(DurableRoutingJournal journal) {
        return new JournalFieldStore(journal, DB.jdbi(), InstantSource.fixed(NOW), PATIENCE);
    }

    private static FieldCommand.DispatchChanged changed(StoredDispatch dispatch, int sequence) {
        return new FieldCommand.DispatchChanged(dispatch, FieldSamples.step(dispatch.workOrderId(), sequence,
                new Actor(ActorKind.DUTY_MANAGER, "dm-" + sequence), "step " + sequence));
    }

    private static List<FieldStep> trail(long id) {
        return new FieldQueries(DB.jdbi()).trail(id);
    }

    private static Instant instant(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Instant.class).one());
    }

    private static int count(String table, long id) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                + " WHERE work_order_id = :id").bind("id", id).mapTo(Integer.class).one());
    }
}
