package io.hotline.app;

import io.hotline.app.people.DeferredDesktopBackend;
import io.hotline.app.people.EngineDesktopBackend;
import io.hotline.app.people.OpenWorkOrders;
import io.hotline.app.people.PeopleViews;
import io.hotline.app.people.ScreenPops;
import io.hotline.app.people.SeatPush;
import io.hotline.persistence.calls.JdbiCustomerHistory;
import io.hotline.persistence.dao.SeatDao;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.KnowledgeBase;
import io.hotline.web.desktop.SeatCard;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.hotline.app.field.CustomerSites;
import org.jdbi.v3.core.Jdbi;
import java.util.function.Predicate;

/**
 * The people's side at work: the read models fed by both engines ({@link PeopleViews}), the bounded
 * {@code screen-pop-N} executor that builds screen-pops and runs knowledge-base searches, and the desktop backend
 * attached once routing and the desk run. Built before the engines (they hand it their commands); not
 * thread-safe itself: the lifecycle thread starts and closes it.
 */
final class DesktopService implements AutoCloseable {
    private static final int THREADS = 2;
    private static final int QUEUED = 1_024;

    private final ThreadPoolExecutor executor;
    private final CustomerSites sites;
    private final PeopleViews views;
    private final Optional<KnowledgeBase> knowledge;

    private DesktopService(ThreadPoolExecutor executor, PeopleViews views, Optional<KnowledgeBase> knowledge,
                           CustomerSites sites) {
        this.executor = executor;
        this.sites = sites;
        this.views = views;
        this.knowledge = knowledge;
    }

    /**
     * Reads the active seats (blocks) and builds the read models.
     *
     * @param callers   the caller look-up, whose memory gives a pop its customer
     * @param knowledge suggests articles, or empty while the knowledge base is not opened in the app
     * @param push      where pops and changes go
     */
    static DesktopService start(Jdbi jdbi, CallerDirectory callers, Optional<KnowledgeBase> knowledge, SeatPush push,
                               InstantSource clock) {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED), task -> {
                    Thread thread = new Thread(task, "screen-pop-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        List<SeatCard> seats = jdbi.onDemand(SeatDao.class).listActiveWithSkills().stream()
                .map(seat -> SeatCard.loggedOut(seat.seat().code(), seat.seat().name(), seat.seat().tier(),
                        clock.instant())).toList();
        PeopleViews views = new PeopleViews(seats, new ScreenPops.Sources(new JdbiCustomerHistory(jdbi), callers,
                knowledge, new OpenWorkOrders(), push), executor, clock);
        return new DesktopService(executor, views, knowledge, new CustomerSites(jdbi, executor));
    }

    PeopleViews views() {
        return views;
    }

    /**
     * Hands {@code desktop} the backend over the running engines: its routes stop answering 503. The supervisors'
     * callbacks are read and written on the screen-pop executor as well (bounded, never an event loop).
     */
    void attach(DeferredDesktopBackend desktop, RoutingService routing, DeskService desk, RoutingConfig config,
                EngineDesktopBackend.ArticleWriter articles, EngineDesktopBackend.Supervision supervision,
                Predicate<String> callsMovable) {
        desktop.attach(new EngineDesktopBackend(new EngineDesktopBackend.Wiring(views.seats(), views.workOrders(),
                views.pops(), routing::ask, desk.loop()::ask, new EngineDesktopBackend.Engines(
                escalationQueues(config), knowledge, articles, executor, callsMovable), () -> true,
                InstantSource.system()),
                supervision, sites::site));
    }

    /**
     * For each seat tier, the queue a live call escalated to it moves into: the queue named like the tier
     * ({@code tier2}), else the first by name whose first step routes to it.
     */
    static Map<Tier, String> escalationQueues(RoutingConfig config) {
        Map<Tier, String> queues = new EnumMap<>(Tier.class);
        for (QueueConfig queue : new TreeMap<>(config.queues()).values()) {
            Tier first = queue.steps().get(0).tiers().get(0);
            if (queue.name().equalsIgnoreCase(first.name()) || !queues.containsKey(first)) {
                queues.put(first, queue.name());
            }
        }
        return queues;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
