package io.hotline.app.people;

import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.desktop.SeatAction;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.SeatVerdict;
import io.hotline.web.desktop.WorkOrderAction;
import io.hotline.web.desktop.WorkOrderView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The desktop backend while Hotline starts: the HTTP server serves its routes before the database, the desk and
 * routing run, so they are registered on this one, which is not {@link #ready()} (the routes answer 503
 * {@code starting}) until {@link #attach} hands it the real backend. Thread-safe: the delegate is a volatile field
 * set once.
 */
public final class DeferredDesktopBackend implements DesktopBackend {
    private volatile DesktopBackend delegate;

    /** From now on every call goes to {@code backend}. */
    public void attach(DesktopBackend backend) {
        this.delegate = backend;
    }

    @Override
    public boolean ready() {
        DesktopBackend backend = delegate;
        return backend != null && backend.ready();
    }

    @Override
    public Instant now() {
        return backend().now();
    }

    @Override
    public Optional<SeatCard> seat(String seatId) {
        return backend().seat(seatId);
    }

    @Override
    public Optional<Object> screenPop(String seatId) {
        return backend().screenPop(seatId);
    }

    @Override
    public Optional<WorkOrderView> workOrder(long id) {
        return backend().workOrder(id);
    }

    @Override
    public List<SeatCard> seats() {
        return backend().seats();
    }

    @Override
    public List<WorkOrderView> workOrders() {
        return backend().workOrders();
    }

    @Override
    public CompletionStage<CallMonitor.Result> monitor(String supervisorLogin, String seatId, CallMonitor.Mode mode) {
        return backend().monitor(supervisorLogin, seatId, mode);
    }

    @Override
    public CompletionStage<List<CallbackLedger.OpenCallback>> callbacks(int limit) {
        return backend().callbacks(limit);
    }

    @Override
    public CompletionStage<SeatVerdict> seatRequest(String seatId, SeatAction action, String reason) {
        return backend().seatRequest(seatId, action, reason);
    }

    @Override
    public CompletionStage<ActionOutcome> act(WorkOrderAction action) {
        return backend().act(action);
    }

    @Override
    public CompletionStage<List<KnowledgeHit>> searchKnowledge(String query, Optional<String> productLine,
                                                               int limit) {
        return backend().searchKnowledge(query, productLine, limit);
    }

    private DesktopBackend backend() {
        DesktopBackend backend = delegate;
        if (backend == null) {
            // The routes ask ready() first: only a caller that skipped it gets here.
            throw new IllegalStateException("the desktop backend is not attached yet");
        }
        return backend;
    }
}
