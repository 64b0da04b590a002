package io.hotline.app.field;

import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.web.console.ConsoleBackend;
import io.hotline.web.console.SmsView;
import io.hotline.web.sms.SmsInbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The console's backend and the SMS webhook's inbox while Hotline starts: the HTTP server serves their routes before
 * the database and the desk run, so they are registered on these, which answer "starting" (the console's routes 503;
 * the webhook 503, so the gateway retries and nothing is stored half-way) until {@link #attachConsole} and
 * {@link #attachInbox} hand them the real ones. Thread-safe: the delegates are volatile fields set once.
 */
public final class DeferredFieldBackends {
    private volatile ConsoleBackend console;
    private volatile SmsInbox inbox;

    /** From now on the console's calls go to {@code consoleBackend}. */
    public void attachConsole(ConsoleBackend consoleBackend) {
        this.console = consoleBackend;
    }

    /** From now on the webhook's messages go to {@code smsInbox}. */
    public void attachInbox(SmsInbox smsInbox) {
        this.inbox = smsInbox;
    }

    /** The console's backend to register routes on. */
    public ConsoleBackend console() {
        return new Console();
    }

    /** The webhook's inbox to register the route on. */
    public SmsInbox inbox() {
        return sms -> {
            SmsInbox delegate = inbox;
            return delegate == null ? CompletableFuture.failedFuture(new IllegalStateException("Hotline is starting"))
                    : delegate.received(sms);
        };
    }

    private final class Console implements ConsoleBackend {
        private ConsoleBackend backend() {
            ConsoleBackend backend = console;
            if (backend == null) {
                throw new IllegalStateException("Hotline is starting");
            }
            return backend;
        }

        @Override
        public boolean ready() {
            ConsoleBackend backend = console;
            return backend != null && backend.ready();
        }

        @Override
        public Instant now() {
            return backend().now();
        }

        @Override
        public FieldDirectory directory() {
            return backend().directory();
        }

        @Override
        public List<StoredDispatch> orders(String branchCode) {
            return backend().orders(branchCode);
        }

        @Override
        public List<StoredDispatch> openOrders() {
            return backend().openOrders();
        }

        @Override
        public Optional<StoredDispatch> order(long workOrderId) {
            return backend().order(workOrderId);
        }

        @Override
        public CompletableFuture<List<FieldStep>> trail(long workOrderId) {
            return backend().trail(workOrderId);
        }

        @Override
        public CompletableFuture<List<SmsView>> sms(long workOrderId) {
            return backend().sms(workOrderId);
        }

        @Override
        public CompletableFuture<Outcome> act(FieldEvent event) {
            return backend().act(event);
        }

        @Override
        public CompletableFuture<Outcome> callFollowUp(long workOrderId, String login) {
            return backend().callFollowUp(workOrderId, login);
        }
    }
}
