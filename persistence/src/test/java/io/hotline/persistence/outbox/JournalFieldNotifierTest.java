package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
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
 * The field leg's durable notifications against the real server: a dispatch change goes to the holding branch's
 * inbox (none while unplaced), an alert to headquarters', a follow-up due to the branch's, each with its time to the
 * millisecond, through the one journal.
 */
class JournalFieldNotifierTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
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
        calls.newTest("n");
    }

    @Test
    void shouldKeepEachFieldNotificationInItsRecipientsInbox() throws Exception {
        long held = calls.open("held");
        long unplaced = calls.open("unplaced");
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalFieldNotifier notifier = new JournalFieldNotifier(journal, "supervisors", InstantSource.fixed(NOW));
            JournalFieldStore store = new JournalFieldStore(journal, DB.jdbi(), InstantSource.fixed(NOW),
                    Duration.ofSeconds(30));
            // given a dispatch held by a branch and one unplaced
            StoredDispatch heldForm = FieldSamples.full(held, DispatchState.SENT, null);
            notifier.dispatchChanged(new FieldCommand.DispatchChanged(heldForm, FieldSamples.step(held, 1,
                    new Actor(ActorKind.DESK, "desk"), "sent 18.3 km")));
            notifier.dispatchChanged(new FieldCommand.DispatchChanged(FieldSamples.bare(unplaced),
                    FieldSamples.step(unplaced, 1, new Actor(ActorKind.DESK, "desk"), null)));
            // when headquarters is alerted and a follow-up comes due
            notifier.headquartersAlert(new FieldCommand.HeadquartersAlert(held, "REDISPATCHED",
                    "not acknowledged in 10 min: sent to BR-WUXI", NOW.plusMillis(1)));
            notifier.followUpDue(new FieldCommand.FollowUpDue(held, heldForm.branchCode(), "+8651222337649", 1,
                    NOW.plusMillis(2)));
            assertThat(store.durable().toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

            // then each is in its recipient's inbox (once the journal wrote its batch), with its time
            List<Map<String, Object>> rows = await().atMost(Duration.ofSeconds(30)).until(() -> DB.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT recipient_kind, recipient_id, kind, work_order_id,"
                            + " subject, text FROM notification WHERE work_order_id IN (:held, :unplaced) ORDER BY id")
                            .bind("held", held).bind("unplaced", unplaced).mapToMap().list()),
                    list -> list.size() >= 3);
            assertThat(rows).extracting(row -> row.get("recipient_kind") + " " + row.get("recipient_id") + " "
                    + row.get("kind")).containsExactly("BRANCH " + heldForm.branchCode() + " DISPATCH_CHANGED",
                    "SUPERVISORS supervisors HQ_ALERT", "BRANCH " + heldForm.branchCode() + " FOLLOW_UP_DUE");
            assertThat(rows.get(1)).containsEntry("subject", "REDISPATCHED")
                    .containsEntry("text", "not acknowledged in 10 min: sent to BR-WUXI");
            assertThat((String) rows.get(2).get("text")).contains("+8651222337649").contains("attempt 1");
            Instant dueAt = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT created_at FROM notification"
                    + " WHERE work_order_id = :id AND kind = 'FOLLOW_UP_DUE'").bind("id", held).mapTo(Instant.class)
                    .one());
            assertThat(dueAt).isEqualTo(NOW.plusMillis(2));
        }
    }
}
