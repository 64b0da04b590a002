package io.hotline.app.people;

import io.hotline.routing.field.Site;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.callback.DueCallback;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.spi.CustomerHistory;
import io.hotline.routing.spi.KnowledgeBase;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Work orders, a customer's history and small fakes of the ports the people's side reads. */
final class PeopleFixtures {
    static final Instant NOW = Instant.parse("2026-12-07T09:15:02Z");
    static final CustomerHistory.Customer CUSTOMER = new CustomerHistory.Customer(7, "C0007", "上海明远机械有限公司",
            "PREMIUM", true, "east", "上海市浦东新区张江路 88 号");
    static final CustomerHistory.History HISTORY = new CustomerHistory.History(CUSTOMER,
            List.of(new CustomerHistory.InstalledProduct("finance", "Finance", "9.2", List.of("ledger", "payables"))),
            List.of(new CustomerHistory.OpenWorkOrder(40, "IN_PROGRESS", "TIER2", "P2", "月结凭证无法过账",
                    NOW.minus(Duration.ofDays(2)))),
            List.of(new CustomerHistory.Contact(NOW.minus(Duration.ofDays(6)), "ANSWERED", "S104", 31L, 312L)));

    private PeopleFixtures() {
    }

    static StoredWorkOrder workOrder(long id, String callId, WorkOrderState state, Tier tier, String owner) {
        SlaClockState running = new SlaClockState(Duration.ZERO, NOW.minusSeconds(60), false, Set.of(),
                NOW.plusSeconds(3600));
        return new StoredWorkOrder(id, Origin.CALL, new CallKey("pbx1", callId),
                new CustomerProblem("02161234567", 7L, "PREMIUM", "finance"), null, Severity.P3, state, tier, owner,
                new WorkOrderTimes(NOW.minusSeconds(60), null, null, null, null), running, running, 0, 0, 1);
    }

    /**
     * A fake of the customer's site: customer 7 is in Shanghai at a known place; another known customer has no place;
     * an unknown one with no address fails as {@code CustomerSites} does.
     */
    static CompletionStage<Site> site(Long customerId, String address) {
        if (customerId == null && (address == null || address.isBlank())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no site known"));
        }
        String at = address == null || address.isBlank() ? "customer " + customerId + "'s site" : address;
        return CompletableFuture.completedFuture(Long.valueOf(7).equals(customerId)
                ? new Site(at, new GeoPoint(31.2, 121.6), "Shanghai") : new Site(at, null, null));
    }

    static AuditEvent audit(long id, int sequence, AuditAction action, WorkOrderState to, Tier tier) {
        return new AuditEvent(id, sequence, NOW, new Actor(ActorKind.CALLER, "c1"), action, null, null, to, null,
                tier, Severity.P3, null, 0);
    }

    /** Answers the one customer, counting the calls. */
    static final class FakeHistory implements CustomerHistory {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Optional<History> of(long customerId, int contacts) {
            calls.incrementAndGet();
            return customerId == CUSTOMER.id() ? Optional.of(HISTORY) : Optional.empty();
        }
    }

    /** Knows one number in memory. */
    static final class FakeCallers implements CallerDirectory {
        @Override
        public Optional<CallerProfile> recall(String callerNumber) {
            return "02161234567".equals(callerNumber) ? Optional.of(new CallerProfile(7, true, "PREMIUM",
                    List.of("finance"), null, null)) : Optional.empty();
        }

        @Override
        public Optional<CallerProfile> findByNumber(String callerNumber) {
            throw new AssertionError("the screen-pop must not read callers from the database");
        }
    }

    /** Suggests one article for any text, recording what it was asked. */
    static final class FakeKnowledge implements KnowledgeBase {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public List<KnowledgeHit> search(String query, Optional<String> productLine, int limit) {
            asked.add("search " + query);
            return List.of(hit());
        }

        @Override
        public List<KnowledgeHit> suggest(Optional<String> productLine, String text, int limit) {
            asked.add("suggest " + productLine.orElse("-") + " " + text);
            return text.isBlank() ? List.of() : List.of(hit());
        }

        @Override
        public Article publish(ArticleDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Article publishFromWorkOrder(long workOrderId, ArticleDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Article> article(String code) {
            return Optional.empty();
        }

        private static KnowledgeHit hit() {
            return new KnowledgeHit(new Article("KB-0012", "月结时凭证无法过账", "", "...", "finance", null, "S104", NOW,
                    NOW), 3.2f, "月结时凭证无法<mark>过账</mark>", List.of("...<mark>过账</mark>..."));
        }
    }

    /** Records every push. */
    static final class RecordingPush implements SeatPush {
        final List<String> pushed = new CopyOnWriteArrayList<>();
        final List<Object> data = new CopyOnWriteArrayList<>();

        @Override
        public void toSeat(String seatId, String type, Object message) {
            pushed.add(seatId + " " + type);
            data.add(message);
        }

        @Override
        public void toSupervisors(String type, Object message) {
            pushed.add("supervisors " + type);
            data.add(message);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> last(String type) {
            for (int i = pushed.size() - 1; i >= 0; i--) {
                if (pushed.get(i).endsWith(" " + type)) {
                    return (Map<String, Object>) data.get(i);
                }
            }
            throw new AssertionError("nothing pushed of type " + type + ": " + pushed);
        }
    }

    /** A monitor that records what it is asked and answers as told. */
    static final class FakeMonitor implements CallMonitor {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile CallMonitor.Result answer = CallMonitor.Result.ok();

        @Override
        public CompletionStage<Result> monitor(String supervisorPhone, String seatEndpoint, Mode mode) {
            asked.add(supervisorPhone + " " + seatEndpoint + " " + mode);
            return CompletableFuture.completedFuture(answer);
        }
    }

    /** A ledger that records the callbacks scheduled and lists what the test sets; work order 99 does not exist. */
    static final class FakeLedger implements CallbackLedger {
        final List<String> scheduled = new CopyOnWriteArrayList<>();
        final List<OpenCallback> open = new CopyOnWriteArrayList<>();

        @Override
        public int releaseDialling() {
            return 0;
        }

        @Override
        public List<DueCallback> claimDue(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void release(long callbackId) {
            throw new UnsupportedOperationException("not claimed here");
        }

        @Override
        public void recordAttempt(long callbackId, int attempt, CallbackOutcome outcome, String seatId, Instant at,
                                  Instant retryAt) {
            throw new UnsupportedOperationException("not claimed here");
        }

        @Override
        public long schedule(long workOrderId, String number, String seatId, Instant requestedAt, Instant dueAt) {
            if (workOrderId == 99) {
                return -1;
            }
            scheduled.add(workOrderId + " " + number + " " + seatId + " " + requestedAt + " " + dueAt);
            return scheduled.size();
        }

        @Override
        public List<OpenCallback> open(int limit) {
            return open.subList(0, Math.min(limit, open.size()));
        }
    }
}
