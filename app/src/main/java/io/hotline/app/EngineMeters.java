package io.hotline.app;

import io.hotline.app.loop.EngineLoop;
import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.persistence.Database;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.DeskSnapshot;
import io.hotline.routing.workorder.WorkOrderState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Binds the service desk's, the database's and the durable journal's figures to the registry, as
 * {@link HotlineMeters} names them: functions over the running components, read at scrape time (nothing is counted
 * twice). Stateless.
 */
final class EngineMeters {

    private EngineMeters() {
    }

    /** The desk's inbox depth and refusals, and the work orders it holds per state (its published snapshot). */
    static void desk(MeterRegistry registry, EngineLoop<DeskEvent, DeskCommand, DeskSnapshot> deskLoop) {
        HotlineMeters held = HotlineMeters.DESK_WORK_ORDERS;
        for (WorkOrderState state : WorkOrderState.values()) {
            Gauge.builder(held.meterName(), deskLoop, loop -> heldIn(loop, state)).description(held.description())
                    .tags(held.tags(HotlineMeters.TagKey.STATE.key(), state.name())).register(registry);
        }
        Gauge.builder(HotlineMeters.DESK_INBOX_DEPTH.meterName(), deskLoop, EngineLoop::inboxDepth)
                .description(HotlineMeters.DESK_INBOX_DEPTH.description()).register(registry);
        FunctionCounter.builder(HotlineMeters.DESK_INBOX_REFUSED.meterName(), deskLoop, EngineLoop::inboxRefused)
                .description(HotlineMeters.DESK_INBOX_REFUSED.description()).register(registry);
    }

    private static double heldIn(EngineLoop<DeskEvent, DeskCommand, DeskSnapshot> loop, WorkOrderState state) {
        DeskSnapshot snapshot = loop.snapshot();
        return snapshot == null ? 0 : snapshot.byState().getOrDefault(state, 0);
    }

    /**
     * The schema migrations applied (read once now, on the calling lifecycle thread, from Flyway's history), and
     * the pool's connections in use and threads waiting for one.
     */
    static void database(MeterRegistry registry, Database database) {
        int applied = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM"
                + " flyway_schema_history WHERE success = 1 AND version IS NOT NULL").mapTo(Integer.class).one());
        HotlineMeters migrations = HotlineMeters.DB_MIGRATIONS_APPLIED;
        Gauge.builder(migrations.meterName(), () -> applied).description(migrations.description()).register(registry);
        Gauge.builder(HotlineMeters.DB_POOL_ACTIVE.meterName(), database, Database::poolActive)
                .description(HotlineMeters.DB_POOL_ACTIVE.description()).register(registry);
        Gauge.builder(HotlineMeters.DB_POOL_WAITING.meterName(), database, Database::poolWaiting)
                .description(HotlineMeters.DB_POOL_WAITING.description()).register(registry);
    }

    /** The journal's backlog, and what it dropped, rejected and failed to write. */
    static void journal(MeterRegistry registry, DurableRoutingJournal journal) {
        Gauge.builder(HotlineMeters.JOURNAL_BACKLOG.meterName(), journal, DurableRoutingJournal::backlog)
                .description(HotlineMeters.JOURNAL_BACKLOG.description()).register(registry);
        FunctionCounter.builder(HotlineMeters.JOURNAL_DROPPED.meterName(), journal, DurableRoutingJournal::dropped)
                .description(HotlineMeters.JOURNAL_DROPPED.description()).register(registry);
        FunctionCounter.builder(HotlineMeters.JOURNAL_REJECTED.meterName(), journal, DurableRoutingJournal::rejected)
                .description(HotlineMeters.JOURNAL_REJECTED.description()).register(registry);
        FunctionCounter.builder(HotlineMeters.JOURNAL_FAILURES.meterName(), journal, DurableRoutingJournal::failures)
                .description(HotlineMeters.JOURNAL_FAILURES.description()).register(registry);
    }
}
