package io.hotline.app.field;

import io.hotline.persistence.field.FieldQueries;
import io.hotline.persistence.field.JdbiFieldDirectory;
import io.hotline.persistence.field.OutboundRow;
import io.hotline.persistence.field.SmsMessages;
import io.hotline.persistence.field.SmsRow;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalFieldNotifier;
import io.hotline.persistence.outbox.JournalFieldStore;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.FollowUpCalls;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.SmsGateway;
import io.hotline.web.console.ConsolePushes;
import io.hotline.web.console.ConsoleRoutes;
import io.hotline.web.console.SmsView;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.push.PushHub;
import io.hotline.web.sms.DeliveryReceipt;
import io.hotline.web.sms.FileSmsGateway;
import io.hotline.web.sms.HttpSmsGateway;
import io.hotline.web.sms.SmsReceiptRoutes;
import io.hotline.web.sms.SmsReceipts;
import io.hotline.web.sms.SmsWebhookRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field leg inside Hotline, assembled in the order Hotline starts: its routes first (the console and the SMS
 * webhook answer "starting" until the desk runs), then, once the database and the journal run, its directory, store,
 * notifiers and SMS sender ({@link #start}), the desk's configuration and restore ({@link #deskConfig},
 * {@link #load}), and last the desk itself for the console's actions and the engineers' texts ({@link #attach}).
 * <p>
 * Its clock is the desk's: the system clock, or the test clock of {@code HOTLINE_CLOCK_OFFSET_FILE}.
 * Thread-safe after {@link #attach}: {@link #command} and {@link #deskCommand} run on the service-desk thread, the
 * rest on the starting thread.
 */
public final class FieldLeg implements AutoCloseable {
    /** Threads of the {@code field-io} pool (the console's reads, the inbound SMS's writes). */
    static final int IO_THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(FieldLeg.class);
    /**
     * How long the console's read of an order's trail or text messages waits for the journal to have written the
     * change the desk just made (the one its action answered, or that was pushed), so that the page shows its step.
     */
    static final Duration READ_WAIT = Duration.ofSeconds(2);

    private final FieldSettings settings;
    private final InstantSource clock;
    private final DeferredFieldBackends deferred = new DeferredFieldBackends();
    private final OpenDispatches dispatches = new OpenDispatches();
    private final ThreadPoolExecutor io;
    private volatile Function<DeskEvent, CompletionStage<List<DeskCommand>>> desk;
    private volatile FollowUpCalls followUps = (phone, number, workOrderId) -> CompletableFuture.completedFuture(
            CallMonitor.Result.refused("Hotline is starting: the call cannot be placed yet"));
    private volatile Function<String, CompletionStage<Optional<String>>> phones =
        login -> CompletableFuture.completedFuture(Optional.empty());
    private FieldDirectory directory = FieldDirectory.EMPTY;
    private JournalFieldStore store;
    private final SmsMeters smsMeters = new SmsMeters();
    /** Read by the receipts' route on the event loops: null until {@link #start}. */
    private volatile SmsMessages messages;
    private FieldQueries queries;
    private SmsSender sender;
    private SmsHealth smsHealth;
    private FieldCommandDispatcher commands;

    /** The field leg of a Hotline with these settings; nothing runs yet. */
    public FieldLeg(FieldSettings settings, InstantSource system) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = settings.clockOffsetFile().<InstantSource>map(file -> OffsetClock.watching(file, system))
                .orElse(system);
        AtomicInteger threads = new AtomicInteger();
        this.io = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), runnable -> {
                    Thread thread = new Thread(runnable, "field-io-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        io.allowCoreThreadTimeOut(true);
        if (settings.clockOffsetFile().isPresent()) {
            LOG.warn("HOTLINE_CLOCK_OFFSET_FILE is set: the service desk runs on a test clock ({} ahead)",
                    ((OffsetClock) clock).offset());
        }
    }

    /** The desk's and the field leg's clock. */
    public InstantSource clock() {
        return clock;
    }

    /** Adds the console's routes, and the SMS webhook and its delivery receipts when its secret is set. */
    public HttpRoutes.Builder register(HttpRoutes.Builder routes) {
        ConsoleRoutes.register(routes, deferred.console());
        settings.webhook().ifPresent(webhook -> {
            SmsWebhookRoutes.register(routes, webhook, smsMeters.counting(deferred.inbox()), clock);
            SmsReceiptRoutes.register(routes, webhook, this::receipt, clock);
        });
        if (settings.webhook().isEmpty()) {
            LOG.info("HOTLINE_SMS_WEBHOOK_SECRET is not set: no SMS webhook, engineers' texts are not received");
        }
        return routes;
    }

    /**
     * Loads the branches and engineers, and starts the store, the notifiers and the SMS sender over the database and
     * the journal. Blocks on the database.
     *
     * @param dataDir  where the file gateway appends its messages
     * @param loadWait how long the store's load waits for the journal to write what its log holds
     */
    public void start(Jdbi jdbi, DurableRoutingJournal journal, PushHub hub, Path dataDir, Duration loadWait) {
        directory = new JdbiFieldDirectory(jdbi).load();
        store = new JournalFieldStore(journal, jdbi, clock, loadWait);
        messages = new SmsMessages(jdbi);
        queries = new FieldQueries(jdbi);
        SmsGateway gateway = settings.gateway().<SmsGateway>map(HttpSmsGateway::new)
                .orElseGet(() -> new FileSmsGateway(dataDir.resolve("sms-outbox.jsonl"), clock));
        StoredOutbox outbox = new StoredOutbox(messages);
        sender = new SmsSender(outbox, gateway, clock);
        smsHealth = new SmsHealth(sender, outbox, settings.gateway().isPresent() ? "http" : "file", clock);
        deferred.attachConsole(new EngineConsoleBackend(new EngineConsoleBackend.Wiring(dispatches, () -> directory,
                this::askDesk, () -> desk != null, clock), new EngineConsoleBackend.Records(this::trail,
                this::smsViews, io,
                (phone, number, workOrderId) -> followUps.call(phone, number, workOrderId),
                login -> phones.apply(login))));
        ConsolePushes pushes = new ConsolePushes(hub, deferred.console());
        commands = new FieldCommandDispatcher(store, new PushFieldNotifier(List.of(new JournalFieldNotifier(journal,
                settings.deadlines().headquarters(), clock)), pushes), sender::wake);
        LOG.info("Field leg: {} branches, {} engineers, SMS through {}", directory.branches().size(),
                directory.engineers().size(), gateway);
    }

    /** Every dispatch order held: open ones and those closed in the last day (the wallboard's). From memory. */
    public List<StoredDispatch> heldDispatches() {
        return dispatches.all();
    }

    /** The branches and engineers, as loaded at start ({@link FieldDirectory#EMPTY} before). */
    public FieldDirectory directory() {
        return directory;
    }

    /** The desk's configuration with the field leg's deadlines and directory. */
    public DeskConfig deskConfig(DeskConfig base) {
        return base.withField(settings.deadlines(), directory);
    }

    /** The open dispatch orders the store kept, for the desk's restore (also given to the consoles). Blocks. */
    public List<StoredDispatch> load() {
        List<StoredDispatch> loaded = store.load();
        dispatches.restored(loaded);
        return loaded;
    }

    /** Carries out a field command of the desk (on the service-desk thread). */
    public void command(FieldCommand command) {
        commands.dispatch(command);
    }

    /** Tells the consoles' read model a desk command (on the service-desk thread, before the ports). */
    public void deskCommand(DeskCommand command) {
        dispatches.deskCommand(command);
    }

    /**
     * The desk runs: the console's actions and the engineers' texts go to it from now on; the texts an earlier run
     * stored but did not process are processed now (in the background).
     *
     * @param deskAsk asks the service desk: the commands exactly this event emitted
     * @param calls   originates follow-up calls (refuses without AMI)
     * @param logins  each login's own phone
     */
    public void attach(Function<DeskEvent, CompletionStage<List<DeskCommand>>> deskAsk, FollowUpCalls calls,
                       Function<String, CompletionStage<Optional<String>>> logins) {
        this.followUps = Objects.requireNonNull(calls, "calls");
        this.phones = Objects.requireNonNull(logins, "logins");
        this.desk = Objects.requireNonNull(deskAsk, "deskAsk");
        CheckInInbox inbox = new CheckInInbox(messages, deskAsk, io, clock);
        deferred.attachInbox(inbox);
        io.execute(() -> {
            try {
                int left = inbox.processLeftovers();
                if (left > 0) {
                    LOG.info("{} inbound SMS an earlier run stored were processed", left);
                }
            } catch (RuntimeException e) {
                LOG.warn("Inbound SMS an earlier run stored could not be processed now: {}", e.toString());
            }
        });
    }

    private CompletionStage<List<DeskCommand>> askDesk(DeskEvent event) {
        Function<DeskEvent, CompletionStage<List<DeskCommand>>> running = desk;
        return running == null ? CompletableFuture.failedFuture(new IllegalStateException("Hotline is starting"))
                : running.apply(event);
    }

    /** The order's trail with the desk's latest change in it (waiting at most {@link #READ_WAIT}). */
    private List<FieldStep> trail(long workOrderId) {
        store.awaitWritten(READ_WAIT);
        return queries.trail(workOrderId);
    }

    /** The order's text messages with the ones the desk queued last among them (waiting at most the same). */
    private List<SmsView> smsViews(long workOrderId) {
        store.awaitWritten(READ_WAIT);
        return messages.ofWorkOrder(workOrderId).stream().map(FieldLeg::view).toList();
    }

    private static SmsView view(SmsRow row) {
        Instant at = row.sentAt() != null ? row.sentAt() : row.createdAt();
        return new SmsView(row.direction().name(), row.phone(), row.body(), row.status().name(), at, row.error());
    }

    /** Records a delivery receipt on the {@code field-io} pool; fails while Hotline starts (answered 503). */
    private CompletableFuture<SmsReceipts.Outcome> receipt(DeliveryReceipt receipt) {
        SmsMessages stored = messages;
        if (stored == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Hotline is starting"));
        }
        return CompletableFuture.supplyAsync(() -> {
            SmsMessages.Receipt recorded = stored.receipt(receipt.messageId(), receipt.delivered(),
                    receipt.delivered() ? null : receipt.failure(), receipt.at());
            return switch (recorded) {
                case RECORDED -> {
                    smsMeters.receipt(receipt.delivered());
                    yield SmsReceipts.Outcome.RECORDED;
                }
                case UNCHANGED -> SmsReceipts.Outcome.DUPLICATE;
                case UNKNOWN -> SmsReceipts.Outcome.UNKNOWN;
            };
        }, io);
    }

    /** The {@code sms} component of {@code /health} (after {@link #start}): not critical. */
    public HealthCheck smsHealth() {
        return Objects.requireNonNull(smsHealth, "the field leg is not started");
    }

    /** Registers the SMS meters (after {@link #start}). */
    public void bindMetrics(MeterRegistry registry) {
        smsMeters.bindTo(registry, sender, smsHealth);
    }

    /** Messages the gateway took since start (0 before start). */
    public long smsSent() {
        return sender == null ? 0 : sender.sentCount();
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
        if (clock instanceof OffsetClock offsetClock) {
            offsetClock.close();
        }
        io.shutdown();
    }

    /** The stored queue as the sender reads it. */
    private record StoredOutbox(SmsMessages messages) implements SmsSender.Outbox {
        @Override
        public List<SmsSender.Queued> due(Instant now, int limit) {
            return messages.due(now, limit).stream().map(StoredOutbox::queued).toList();
        }

        private static SmsSender.Queued queued(OutboundRow row) {
            return new SmsSender.Queued(row.id(), row.to(), row.body(), row.attempts());
        }

        @Override
        public void sent(long id, String gatewayId, Instant at) {
            messages.sent(id, gatewayId, at);
        }

        @Override
        public void failed(long id, String error, Instant nextAttemptAt, Instant at) {
            messages.failed(id, error, nextAttemptAt, at);
        }

        @Override
        public SmsSender.Backlog backlog(Instant now) {
            SmsMessages.Backlog backlog = messages.backlog(now);
            return new SmsSender.Backlog(backlog.queued(), backlog.oldestDue());
        }
    }
}
