package io.hotline.persistence.testing;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalConfig;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The calls a routing-journal test hands over on {@code pbx1}: the demo seed loaded into the test class's
 * database, a work order store whose clock stands at {@link #OPENED}, the first seat, per-test linkedids, and
 * journals that stamp their entries {@link #EMITTED}. Not thread-safe: a test class uses it from one test at a time.
 */
public final class JournalCalls {
    /** When the work orders were opened. */
    public static final Instant OPENED = Instant.parse("2026-12-05T09:00:00.000Z");
    /** When routing emitted the entries: written as the events' time even when the database took them later. */
    public static final Instant EMITTED = Instant.parse("2026-12-05T09:00:07.250Z");

    private final JdbiWorkOrderStore workOrders;
    private final String seat;
    /** Each test's calls have their own linkedids: the class shares one database. */
    private String prefix = "";

    private JournalCalls(JdbiWorkOrderStore workOrders, String seat) {
        this.workOrders = workOrders;
        this.seat = seat;
    }

    /** Loads the demo seed into the database and reads its first seat. */
    public static JournalCalls seed(Jdbi jdbi) {
        DemoSeed.load(jdbi);
        JdbiWorkOrderStore workOrders =
                new JdbiWorkOrderStore(jdbi, ServiceLevels.DEFAULT, InstantSource.fixed(OPENED));
        String seat = jdbi.withHandle(handle -> handle.createQuery("SELECT code FROM seat ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
        return new JournalCalls(workOrders, seat);
    }

    /** The work order store, its clock at {@link #OPENED}. */
    public JdbiWorkOrderStore workOrders() {
        return workOrders;
    }

    /** The code of the seed's first seat. */
    public String seat() {
        return seat;
    }

    /** Gives the next test's calls fresh linkedids, starting with {@code letter}. */
    public void newTest(String letter) {
        prefix = letter + System.nanoTime() + "-";
    }

    /** The linkedid of this test's call {@code name}. */
    public String call(String name) {
        return prefix + name;
    }

    /** Opens the work order of this test's call {@code name} and returns its id. */
    public long open(String name) {
        return workOrders.openForCall(new CallWorkOrderRequest("pbx1", call(name), "+8613800138000", null,
                Severity.P3, Tier.TIER1, OPENED)).workOrder().id();
    }

    /** Starts a journal for {@code pbx1} over {@code jdbi}, logging under {@code logDirectory}, quick retries. */
    public DurableRoutingJournal start(Jdbi jdbi, Path logDirectory) {
        return DurableRoutingJournal.start(jdbi, workOrders, "pbx1", JournalConfig.of(logDirectory, "pbx1")
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(400)), InstantSource.fixed(EMITTED));
    }
}
