package io.hotline.app;

import io.hotline.app.people.DeferredDesktopBackend;
import io.hotline.app.field.FieldLeg;
import io.hotline.app.figures.TodayFiguresService;
import io.hotline.app.figures.TodayMeters;
import io.hotline.app.people.EngineDesktopBackend;
import io.hotline.app.people.People;
import io.hotline.app.people.HubSeatPush;
import io.hotline.app.people.SeatPush;
import io.hotline.app.report.JdbiReportBackend;
import io.hotline.app.wallboard.EngineWallboardBackend;
import io.hotline.app.wallboard.WallboardToday;
import io.hotline.app.wallboard.Wallboard;
import io.hotline.web.wallboard.WallboardAuthenticator;
import io.hotline.web.wallboard.WallboardPushes;
import io.hotline.web.wallboard.WallboardRoutes;
import io.hotline.ops.health.HealthMonitor;
import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.ops.metrics.PrometheusMetrics;
import io.hotline.ops.metrics.RoutingMetrics;
import io.hotline.persistence.Database;
import io.hotline.persistence.calls.IndexedCallerDirectory;
import io.hotline.persistence.calls.JdbiCallbackLedger;
import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.figures.TodayFigures;
import io.hotline.persistence.figures.TodayFiguresQuery;
import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalConfig;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.spi.CallControl;
import io.hotline.telephony.ami.AmiCallControl;
import io.hotline.telephony.ami.AmiCallMonitor;
import io.hotline.telephony.ami.AmiFollowUpCalls;
import io.hotline.telephony.scripts.SeatRequests;
import io.hotline.telephony.scripts.WaitingCallers;
import java.time.Duration;
import io.hotline.routing.spi.HealthReport;
import io.hotline.web.HttpServer;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.desktop.DesktopRoutes;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.metrics.MetricsEndpoint;
import io.hotline.web.report.ReportRoutes;
import org.jdbi.v3.core.Jdbi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Hotline: every component started in order, stopped in the reverse of the order that keeps work
 * safe (stop taking requests, then stop checking, then stop routing, then close the database, then the
 * metrics). The HTTP server starts before the database so that {@code /health} answers 503 "starting" while a
 * first embedded start unpacks MariaDB. Routing starts once the database is migrated (and seeded): the active
 * seats are read on the lifecycle thread and offered to the routing thread, each in its last state (logged in,
 * ready or not ready with its reason), which AMI's device states then reconcile. It holds the data directory's
 * lock ({@link DataDirectoryLock}) from before anything starts until everything stopped. Not thread-safe: one
 * lifecycle thread starts and closes it.
 */
public final class Hotline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);
    /** How long a seat's feature code waits for routing's answer before the seat hears the refusal tone. */
    private static final Duration SEAT_REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** How long the start waits for the journal to write what the last run left (seat states among it). */
    private static final Duration EARLIER_RUN_WAIT = Duration.ofSeconds(10);
    /**
     * How often every customer is read again into the caller look-up's memory: what Hotline itself writes reaches it
     * at once; an import or an edit made outside Hotline within this time (a new number at its first call).
     */
    private static final Duration CALLER_RELOAD = Duration.ofMinutes(5);
    /** How often the callbacks due are looked for: a callback is routed at most this late. */
    private static final Duration CALLBACK_POLL = Duration.ofSeconds(15);

    private final PrometheusMetrics metrics;
    private DataDirectoryLock dataDirectoryLock;
    private HealthMonitor healthMonitor;
    private HttpServer httpServer;
    private HttpRoutes routes;
    private InetSocketAddress httpAddress;
    private OpenDatabase database;
    private RoutingService routing;
    private RoutingMetrics routingMetrics;
    /** The live meters fed by both engines' commands; built before either engine starts. */
    private CommandMeters commandMeters;
    private DurableRoutingJournal journal;
    private JdbiWorkOrderStore workOrders;
    private TelephonyService telephony;
    private IndexedCallerDirectory callerDirectory;
    private AmiService ami;
    /** Written by the lifecycle thread, read by the desktop's handlers (whether a caller can be moved). */
    private volatile AmiCallControl amiMoves;
    private CallControl calls;
    /** Supervisors' listen / whisper / barge: over AMI once it is attached; refuses without it. */
    private final AmiCallMonitor monitor = new AmiCallMonitor();
    private final AmiFollowUpCalls followUps = new AmiFollowUpCalls();
    private FieldLeg field;
    private DeskService desk;
    private People people;
    private KnowledgeService knowledge;
    private TodayFiguresService todayFigures;
    private CallbackScheduler callbacks;
    private DesktopService desktopService;
    /** The desktop API's backend: answers 503 until routing and the desk run. */
    private final DeferredDesktopBackend desktop = new DeferredDesktopBackend();
    /** The service-quality report's route answers 503 until the database is open (app.report). */
    private final JdbiReportBackend reports = new JdbiReportBackend(InstantSource.system());
    /** The wallboard's backend: answers 503 until routing and the desk run. */
    private EngineWallboardBackend wallboardBackend;
    private Wallboard wallboard;
    private final DeskWiring deskWiring;
    private final SeatPush seatPush;

    /**
     * Builds the service desk's ports once the database and the journal run: its store, its notifier, the query of
     * calls without a work order. Tests give fakes of the store and the notifier.
     */
    @FunctionalInterface
    interface DeskWiring {
        DeskPorts ports(Jdbi jdbi, DurableRoutingJournal journal, HotlineConfiguration config);
    }

    /** The desk's ports in production: through the one durable journal ({@link DeskPorts#journalled}). */
    static final DeskWiring JOURNALLED = (jdbi, journal, config) -> DeskPorts.journalled(jdbi, journal, config,
            EARLIER_RUN_WAIT);

    private Hotline(PrometheusMetrics metrics, DeskWiring deskWiring, SeatPush seatPush) {
        this.metrics = metrics;
        this.deskWiring = deskWiring;
        this.seatPush = seatPush;
    }

    /**
     * Starts everything; on any failure stops what had started and rethrows.
     *
     * @throws io.hotline.routing.HotlineException with an operator-readable message when a component fails
     */
    public static Hotline start(HotlineConfiguration config) {
        return start(config, JOURNALLED);
    }

    /** {@link #start(HotlineConfiguration)} with the service desk's ports built by {@code deskWiring}. */
    static Hotline start(HotlineConfiguration config, DeskWiring deskWiring) {
        return start(config, deskWiring, null);
    }

    /**
     * {@link #start(HotlineConfiguration, DeskWiring)} pushing to desktops through the hub and also through
     * {@code seatPush} when not null (a test's recorder).
     */
    static Hotline start(HotlineConfiguration config, DeskWiring deskWiring, SeatPush seatPush) {
        long started = System.nanoTime();
        Hotline hotline = new Hotline(new PrometheusMetrics(), Objects.requireNonNull(deskWiring, "deskWiring"),
                seatPush);
        try {
            hotline.startComponents(config);
        } catch (RuntimeException e) {
            hotline.close();
            throw e;
        }
        LOG.info("Hotline ready in {} ms: health at http://{}/health", (System.nanoTime() - started) / 1_000_000,
                hostAndPort(hotline.httpAddress));
        return hotline;
    }

    private void startComponents(HotlineConfiguration config) {
        // First: a second Hotline over the same data directory stops here, before it binds a port.
        dataDirectoryLock = DataDirectoryLock.acquire(config.database().dataDir(), "run");
        MeterRegistry registry = metrics.registry();
        commandMeters = new CommandMeters(registry, config.routing().queues().keySet(), InstantSource.system());
        // Not ready without routing and FastAGI; degraded, still routing, without AMI, database or journal.
        DeferredHealthCheck databaseHealth = DeferredHealthCheck.degrading("database", "opening the database");
        DeferredHealthCheck routingHealth = new DeferredHealthCheck("routing", "waiting for the database");
        DeferredHealthCheck journalHealth = DeferredHealthCheck.degrading("journal", "waiting for the database");
        DeferredHealthCheck agiHealth = new DeferredHealthCheck("agi", "waiting for routing");
        DeferredHealthCheck amiHealth = DeferredHealthCheck.degrading("ami", "waiting for routing");
        DeferredHealthCheck deskHealth = DeferredHealthCheck.degrading(DeskService.COMPONENT,
                "waiting for the journal");
        DeferredHealthCheck knowledgeHealth = DeferredHealthCheck.degrading(KnowledgeService.COMPONENT,
                "waiting for the database");
        DeferredHealthCheck smsHealth = DeferredHealthCheck.degrading("sms", "waiting for the database");
        healthMonitor = new HealthMonitor(List.of(databaseHealth, routingHealth, journalHealth, deskHealth,
                knowledgeHealth, smsHealth,
                config.ami().isEmpty() ? DeferredHealthCheck.disabled("ami", "HOTLINE_AMI_HOST is not set: Hotline"
                        + " learns of calls from the dialplan's AGI requests only") : amiHealth, agiHealth),
                config.healthInterval(), InstantSource.system(), registry);
        healthMonitor.start();

        // People sign in with session tokens; their state-changing requests are audited (app.people). The desktop's
        // routes answer 503 until routing and the desk run.
        people = People.create(config.accounts());
        people.bindMetrics(registry);
        // The field leg's console and SMS webhook answer "starting" until the desk runs (app.field).
        field = new FieldLeg(config.field(), InstantSource.system());
        // The wallboard answers "starting" until routing and the desk run (app.wallboard).
        wallboardBackend = new EngineWallboardBackend(field.clock());
        routes = people.audited(people.register(field.register(WallboardRoutes.register(ReportRoutes.register(
                DesktopRoutes.register(HttpServer.machineRoutes(healthMonitor::current, metricsEndpoint()), desktop),
                reports), wallboardBackend))).build());
        httpServer = new HttpServer(config.web(), routes, WallboardAuthenticator.of(people.authenticator(),
                config.wallboard().token(), people.push().config().path()), (route, status, nanos) -> Timer
                .builder(HotlineMeters.HTTP_REQUESTS.meterName())
                .description(HotlineMeters.HTTP_REQUESTS.description())
                .tags(HotlineMeters.HTTP_REQUESTS.tags("route", route, "status", Integer.toString(status)))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS), people.push());
        httpAddress = httpServer.start();

        database = OpenDatabase.open(config.database(), registry);
        databaseHealth.delegateTo(database.database().healthCheck());
        EngineMeters.database(registry, database.database());
        seedDemoIfEmpty(config);
        reports.attach(database.database().jdbi(), config.desk().hotlineHours().zone(), config.desk().reopenWindow());
        people.start(database.database().jdbi());
        // Built on its own thread from kb_article: calls never wait for it; health shows its size and build time.
        knowledge = KnowledgeService.start(database.database().jdbi(), InstantSource.system());
        knowledgeHealth.delegateTo(knowledge);
        startJournal(config, registry);
        journalHealth.delegateTo(journal.healthCheck());
        startTodayFigures(config, registry);
        // Commands telephony cannot carry out (a move without AMI) are logged and journalled as rejected.
        WaitingCallers callers = new WaitingCallers(InstantSource.system(), Duration.ofMinutes(2),
                journal::requestRejected);
        SeatRequests seatRequests = new SeatRequests(SEAT_REQUEST_TIMEOUT);
        AmiCallControl amiCalls = config.ami().isEmpty() ? null : new AmiCallControl(callers);
        amiMoves = amiCalls;
        calls = amiCalls == null ? callers : amiCalls;
        awaitEarlierRun();
        Jdbi jdbi = database.database().jdbi();
        // Built now for the screen-pops (its memory stays empty until its start, last).
        callerDirectory = new IndexedCallerDirectory(jdbi, config.asteriskName(), CALLER_RELOAD);
        // Desktops hear through the WebSocket hub (and a test's recorder, when one was given).
        SeatPush hub = new HubSeatPush(people.push());
        desktopService = DesktopService.start(jdbi, callerDirectory, Optional.of(knowledge),
                seatPush == null ? hub : SeatPush.both(hub, seatPush),
                InstantSource.system());
        field.start(jdbi, journal, people.push(), config.database().dataDir(), EARLIER_RUN_WAIT);
        smsHealth.delegateTo(field.smsHealth());
        field.bindMetrics(registry);
        DeskFeed deskFeed = startDesk(config, registry, deskHealth);
        field.attach(desk.loop()::ask, followUps, people.accounts()::phone);
        // One ledger for the scheduler and the supervisors' and seats' callback routes (stateless, blocks on JDBC).
        JdbiCallbackLedger ledger = new JdbiCallbackLedger(jdbi);
        callbacks = new CallbackScheduler(ledger, config.callbacks(),
                InstantSource.system());
        Map<String, String> seatDevices = startRouting(config, registry, routingHealth, calls, seatRequests,
                deskFeed);
        desktopService.attach(desktop, routing, desk, config.routing(), knowledge::publishFromWorkOrder,
                new EngineDesktopBackend.Supervision(monitor, people.accounts()::phone, endpoints(seatDevices),
                        ledger), this::canMoveCall);
        people.greetWith(DesktopRoutes.greeter(desktop));
        startWallboard(config);
        if (amiCalls != null) {
            // Connections log in in the background: an Asterisk that is down delays nothing; health shows it.
            ami = AmiService.start(config.ami(), seatDevices, routing, registry);
            amiCalls.attach(ami.view(), ami.connections());
            monitor.attach(ami.connections());
            followUps.attach(ami.connections());
            amiHealth.delegateTo(ami.healthCheck());
            // Callbacks are placed over AMI only: without it they wait, pending, for a Hotline that has it.
            callbacks.start(routing.inbox()::offer, CALLBACK_POLL);
        }
        // Last: Asterisk's calls are taken only once everything they need is up.
        // Registered before the load: no work order written meanwhile is missed.
        journal.onWorkOrdersWritten(callerDirectory::workOrdersWritten);
        callerDirectory.start();
        telephony = TelephonyService.start(config, jdbi, new TelephonyService.Wiring(routing.inbox(), callers,
                new DeferringStores(new JdbiCallbackStore(jdbi), new JdbiSurveyStore(jdbi), journal),
                seatRequests, callerDirectory),
                registry);
        agiHealth.delegateTo(telephony.healthCheck());
        healthMonitor.refreshNow();
    }

    /** Starts the wallboard's figures and pushes over what routing, the desk and the field leg publish. */
    private void startWallboard(HotlineConfiguration config) {
        WallboardToday today = new WallboardToday(todayFigures::latest, config.routing().queues().keySet(),
                config.routing().hours().zone(), field.clock());
        wallboardBackend.attach(new EngineWallboardBackend.Sources(routing::snapshot, config.routing().queues(),
                desktop, field::heldDispatches, field::directory, today));
        wallboard = new Wallboard();
        wallboard.start(new WallboardPushes(people.push(), wallboardBackend));
    }

    /** Each seat's SIP endpoint by seat code, from the softphone devices routing was told (device to seat). */
    private static Map<String, String> endpoints(Map<String, String> seatDevices) {
        Map<String, String> endpoints = new HashMap<>();
        seatDevices.forEach((device, seat) -> endpoints.put(seat, device));
        return endpoints;
    }

    /**
     * Loads the demo organisation into an empty embedded database: never into an external one, which is
     * somebody's production database (they load it with {@code seed --demo --into-external} if they mean it).
     */
    private void seedDemoIfEmpty(HotlineConfiguration config) {
        if (!config.seedDemoWhenEmpty() || !DemoSeed.isEmpty(database.database().jdbi())) {
            return;
        }
        if (config.database().embedded()) {
            LOG.info("The database has no seats: loading the demo organisation");
            DemoSeed.load(database.database().jdbi());
        } else {
            LOG.info("The external database has no seats: load your organisation, or the demo one with "
                    + "'hotline seed --demo --into-external'");
        }
    }

    /**
     * Starts the routing journal: its log under HOTLINE_DATA_DIR/journal keeps what routing decided through an
     * outage of the database and a crash of Hotline, until it is on the work orders (README, "The routing
     * journal"); it first writes what an earlier run left there.
     */
    private void startJournal(HotlineConfiguration config, MeterRegistry registry) {
        workOrders = new JdbiWorkOrderStore(database.database().jdbi(), config.serviceLevels(), InstantSource.system());
        journal = DurableRoutingJournal.start(database.database().jdbi(), workOrders, config.asteriskName(),
                JournalConfig.of(config.database().dataDir().resolve("journal"), config.asteriskName()),
                InstantSource.system());
        // Calls an earlier run left open (it died, or stopped during a conversation) are closed as the dialplan
        // left them, after what that run logged and before this run's calls.
        journal.reconcileOpenCalls();
        EngineMeters.journal(registry, journal);
    }

    /** Reads today's figures from the records on their own thread, every HOTLINE_FIGURES_INTERVAL, as gauges. */
    private void startTodayFigures(HotlineConfiguration config, MeterRegistry registry) {
        Map<String, Duration> thresholds = new HashMap<>();
        config.routing().queues().forEach((name, queue) -> thresholds.put(name, queue.serviceLevelThreshold()));
        todayFigures = new TodayFiguresService(new TodayFiguresQuery(database.database().jdbi(), thresholds,
                config.routing().hours().zone(), config.desk().reopenWindow(), InstantSource.system()),
                config.figuresInterval(), InstantSource.system());
        TodayMeters.bind(registry, todayFigures, config.routing().queues().keySet());
        todayFigures.start();
    }

    /**
     * Starts routing with the active seats, each in the state it had when Hotline last stopped (once the journal
     * wrote what an earlier run left in its log); returns each seat's softphone device and seat code.
     */
    private Map<String, String> startRouting(HotlineConfiguration config, MeterRegistry registry,
                                             DeferredHealthCheck health, CallControl calls,
                                             SeatRequests seatRequests, DeskFeed deskFeed) {
        // A withdrawn offer's caller is still inside that Dial until Asterisk ends it: by itself at Dial's timeout
        // without AMI, at once after AmiCallControl's Hangup with it (or later, should that fail). The engine holds
        // the caller until the dialplan reports the Dial's end, so no seat is offered a call its phone cannot ring.
        RoutingConfig routingConfig = config.routing().withHoldUntilDialEnds(true);
        rehearse(routingConfig);
        Timer decisions = CommandMeters.decisions(registry);
        routing = RoutingService.start(routingConfig, InstantSource.system(), new RoutingCommandDispatcher(calls,
                journal, seatRequests, deskFeed, callbacks, command -> {
                    desktopService.views().routingCommand(command);
                    commandMeters.routingCommand(command);
                }), desktopService.views()::routingEvent, nanos -> decisions.record(nanos, TimeUnit.NANOSECONDS));
        routingMetrics = new RoutingMetrics(config.routing().queues().keySet(), routing::snapshot,
                routing::inboxDepth, routing::inboxRefused, routing::failures);
        routingMetrics.bindTo(registry);
        Map<String, String> seats = RoutingSeats.load(database.database().jdbi().onDemand(SeatDao.class),
                database.database().jdbi().onDemand(SeatStateDao.class), routing);
        // The inbox is FIFO: whatever producers offer from now on is applied after these seats.
        health.delegateTo(routing.healthCheck());
        LOG.info("Routing {} queues ({} by default) for {} seats", config.routing().queues().size(),
                config.routing().defaultQueue(), seats.size());
        return seats;
    }

    /** Waits for the journal to write what the last run left: seat states, work orders, calls without one. */
    private void awaitEarlierRun() {
        if (!journal.awaitEarlierRun(EARLIER_RUN_WAIT)) {
            LOG.warn("The routing journal did not write what the last run left within {} s: seats get the state the"
                    + " database has, and the service desk what it holds", EARLIER_RUN_WAIT.toSeconds());
        }
    }

    /**
     * Starts the service desk (restored from its store, told the calls an earlier run left without a work order)
     * before routing, which tells it about calls; returns routing's feed to it.
     */
    private DeskFeed startDesk(HotlineConfiguration config, MeterRegistry registry, DeferredHealthCheck health) {
        DeskPorts ports = deskWiring.ports(database.database().jdbi(), journal, config);
        desk = DeskService.start(field.deskConfig(config.desk()), field.clock(), ports, command -> {
            desktopService.views().deskCommand(command);
            field.deskCommand(command);
            commandMeters.deskCommand(command);
        }, desktopService.views()::deskRestored, new DeskService.Field(field::command, field::load));
        EngineMeters.desk(registry, desk.loop());
        health.delegateTo(desk.healthCheck());
        return new DeskFeed(config.asteriskName(), desk.inbox());
    }

    /** Warms the call path on a throwaway engine (see {@link RoutingRehearsal}); a failure only costs the warm-up. */
    private static void rehearse(RoutingConfig routingConfig) {
        long started = System.nanoTime();
        try {
            int offered = new RoutingRehearsal(routingConfig).run(RoutingRehearsal.CALLS);
            LOG.debug("Rehearsed {} calls ({} offered) in {} ms", RoutingRehearsal.CALLS, offered,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The routing rehearsal failed ({}); the first calls find the engine cold", e.toString(), e);
        }
    }

    private MetricsEndpoint metricsEndpoint() {
        return new MetricsEndpoint() {
            @Override
            public String contentType() {
                return metrics.contentType();
            }

            @Override
            public String scrape() {
                return metrics.scrape();
            }
        };
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Where the FastAGI server listens. */
    public InetSocketAddress agiAddress() {
        return telephony.address();
    }

    /** Where the HTTP server listens. */
    public InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** The database, once started. */
    public Database database() {
        return database.database();
    }

    /** The routing engine's latest published snapshot. */
    public RoutingSnapshot routingSnapshot() {
        return routing.snapshot();
    }

    /** The AMI side, or {@code null} when HOTLINE_AMI_HOST is unset (tests look at its view). */
    /** Whether the live caller of {@code callId} can be moved now: AMI knows its channel and is connected. */
    private boolean canMoveCall(String callId) {
        AmiCallControl moves = amiMoves;
        return moves != null && moves.canMove(callId);
    }

    AmiService ami() {
        return ami;
    }

    /** What carries routing's commands to Asterisk (tests send it commands the engine emits only rarely). */
    CallControl callControl() {
        return calls;
    }

    /** The knowledge base, built in the background at start: it finds nothing until it is ready. */
    public KnowledgeService knowledge() {
        return knowledge;
    }

    /** The service desk (tests open work orders by hand through it). */
    DeskService desk() {
        return desk;
    }

    /** The route table the HTTP server serves (the authorization matrix test goes through every route). */
    HttpRoutes routes() {
        return routes;
    }

    /** The desktop API's backend (tests drive it without the HTTP layer's authentication). */
    DesktopBackend desktop() {
        return desktop;
    }

    /**
     * Today's figures from the records, as last read (every HOTLINE_FIGURES_INTERVAL; empty before the first read,
     * the last ones kept while the database does not answer). Never blocks.
     */
    public TodayFigures todayFigures() {
        return todayFigures.latest();
    }

    /** The service that reads today's figures (its age, its failures, a read now). */
    public TodayFiguresService todayFiguresService() {
        return todayFigures;
    }

    /** The registry every meter is registered with (tests read figures from it). */
    PrometheusMetrics metrics() {
        return metrics;
    }

    /** The latest health report. */
    public HealthReport health() {
        return healthMonitor.current();
    }

    /** Stops every started component in order; never throws, logs what fails. */
    @Override
    public void close() {
        long started = System.nanoTime();
        stop("FastAGI server", telephony);
        stop("caller look-up", callerDirectory);
        stop("AMI connections", ami);
        stop("wallboard", wallboard);
        stop("HTTP server", httpServer);
        stop("accounts", people);
        stop("health monitor", healthMonitor);
        stop("routing", routing);
        stop("callback scheduler", callbacks);
        stop("screen-pops", desktopService);
        stop("routing metrics", routingMetrics);
        stop("service desk", desk);
        stop("field leg", field);
        stop("knowledge base", knowledge);
        stop("reports", reports);
        stop("today's figures", todayFigures);
        stop("routing journal", journal);
        stop("database", database);
        stop("metrics", metrics);
        stop("data directory lock", dataDirectoryLock);
        LOG.info("Hotline stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void stop(String name, AutoCloseable component) {
        if (component == null) {
            return;
        }
        try {
            component.close();
        } catch (Exception e) {
            LOG.warn("Stopping the {} failed: {}", name, e.toString());
        }
    }
}
