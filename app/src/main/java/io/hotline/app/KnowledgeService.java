package io.hotline.app;

import io.hotline.persistence.knowledge.LuceneKnowledgeBase;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.KnowledgeBase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Hotline's knowledge base: {@link LuceneKnowledgeBase} built from {@code kb_article} on its own
 * {@code knowledge-index} thread at start, off the path that takes calls (10,000 articles take seconds). Until it
 * is built, searches and suggestions find nothing, {@link #article} finds nothing, and publishing throws
 * {@link IllegalStateException} ({@link #isReady()} tells a caller which answers "starting"); once built it is the
 * Lucene knowledge base. Its health shows the building, then the articles it holds and how long the build took, or
 * why it could not be built (Hotline runs on without it: not critical).
 * <p>
 * Thread-safe: the index thread publishes the built knowledge base through a {@code volatile} field; any thread
 * searches and publishes (publishing blocks on the database: never on an event loop or an engine thread).
 */
public final class KnowledgeService implements KnowledgeBase, HealthCheck, AutoCloseable {
    /** The component's name in {@code /health}. */
    static final String COMPONENT = "knowledge";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Thread builder;
    private volatile LuceneKnowledgeBase open;
    private volatile ComponentHealth health = ComponentHealth.starting("building the search index from kb_article");
    /** Set by {@link #close}; guarded by {@code this} with the hand-over of the built index. */
    private boolean closed;

    private KnowledgeService(Jdbi jdbi, InstantSource clock) {
        this.builder = new Thread(() -> build(jdbi, clock), "knowledge-index");
        builder.setDaemon(true);
    }

    /**
     * Starts building the knowledge base from the database and returns at once.
     *
     * @param jdbi  the database's Jdbi ({@code Database.jdbi()})
     * @param clock dates new articles
     */
    public static KnowledgeService start(Jdbi jdbi, InstantSource clock) {
        KnowledgeService service = new KnowledgeService(Objects.requireNonNull(jdbi, "jdbi"),
                Objects.requireNonNull(clock, "clock"));
        service.builder.start();
        return service;
    }

    private void build(Jdbi jdbi, InstantSource clock) {
        long started = System.nanoTime();
        LuceneKnowledgeBase built;
        try {
            built = LuceneKnowledgeBase.open(jdbi, clock);
        } catch (RuntimeException e) {
            LOG.warn("The knowledge base could not be built from kb_article ({}): searches find nothing until the"
                    + " next start", e.toString(), e);
            health = ComponentHealth.down("could not be built from kb_article: " + e.getMessage());
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        synchronized (this) {
            if (closed) {
                built.close();
                return;
            }
            open = built;
        }
        health = ComponentHealth.up(built.size() + " articles, index built in " + millis + " ms",
                Map.of("articles", built.size(), "buildMillis", millis));
        LOG.info("Knowledge base open: {} articles searchable, built in {} ms", built.size(), millis);
    }

    /** Whether the index is built: before, searches find nothing and publishing is refused. */
    public boolean isReady() {
        return open != null;
    }

    /** How many articles are searchable (0 until built). */
    public int size() {
        LuceneKnowledgeBase current = open;
        return current == null ? 0 : current.size();
    }

    @Override
    public List<KnowledgeHit> search(String query, Optional<String> productLine, int limit) {
        LuceneKnowledgeBase current = open;
        return current == null ? List.of() : current.search(query, productLine, limit);
    }

    @Override
    public List<KnowledgeHit> suggest(Optional<String> productLine, String text, int limit) {
        LuceneKnowledgeBase current = open;
        return current == null ? List.of() : current.suggest(productLine, text, limit);
    }

    @Override
    public Article publish(ArticleDraft draft) {
        return ready().publish(draft);
    }

    @Override
    public Article publishFromWorkOrder(long workOrderId, ArticleDraft draft) {
        return ready().publishFromWorkOrder(workOrderId, draft);
    }

    /**
     * Publishes an article from a work order as the service desk holds it (what the desk answered with):
     * judged resolved by that form, not by its row, which the journal updates a moment later. The desktop's
     * "resolve, and turn the solution into an article" uses this with the work order the resolution returned.
     *
     * @throws io.hotline.routing.knowledge.ArticleRefusedException when the work order is not resolved or closed,
     *         or the product line is unknown
     * @throws IllegalStateException while the index is being built
     */
    public Article publishFromWorkOrder(StoredWorkOrder workOrder, ArticleDraft draft) {
        return ready().publishFromWorkOrder(workOrder, draft);
    }

    @Override
    public Optional<Article> article(String code) {
        LuceneKnowledgeBase current = open;
        return current == null ? Optional.empty() : current.article(code);
    }

    private LuceneKnowledgeBase ready() {
        LuceneKnowledgeBase current = open;
        if (current == null) {
            throw new IllegalStateException("the knowledge base is still being built (or could not be): try again");
        }
        return current;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ComponentHealth check() {
        return health;
    }

    /** Stops a build still running (waiting for it a bounded time) and closes the index. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        builder.interrupt();
        try {
            builder.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LuceneKnowledgeBase current;
        synchronized (this) {
            current = open;
            open = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
