package io.hotline.persistence.knowledge;

import io.hotline.persistence.dao.DuplicateKeys;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.ArticleRefusedException;
import io.hotline.routing.knowledge.ArticleSources;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.KnowledgeBase;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base over MariaDB and Lucene. {@code kb_article} is the source of truth; the search index lives in
 * memory, is built from the table by {@link #open} and {@link #rebuild}, and every article published through this
 * class goes into it right after its transaction commits, before the method returns: it is searchable at once, and
 * an article whose transaction failed is never in the index. Articles written to the table by anything else (the
 * demo seed, SQL by hand) are searchable after the next {@link #rebuild} or start.
 *
 * <p>Why in memory: the table can always rebuild it (10,000 articles take a few seconds, see
 * {@code docs/benchmarks.md}), so an index on disk would be a second copy to back up, lock and keep consistent with
 * a restored database, for no gain.
 *
 * <p>Thread-safe. Searches run concurrently and never touch the database. Writes (publishing, rebuilding) are
 * serialised on this object, so the index changes in the order the table did; they block on I/O.
 */
public final class LuceneKnowledgeBase implements KnowledgeBase, AutoCloseable {
    /** The code of each new article: {@code KB-} and a number, like the demo's {@code KB-0001}. */
    static final String CODE_FORMAT = "KB-%04d";
    static final String CODE_KEY = "uq_kb_article_code";

    private static final Logger LOG = LoggerFactory.getLogger(LuceneKnowledgeBase.class);
    private static final int PAGE = 1_000;

    private final Jdbi jdbi;
    private final InstantSource clock;
    private final Analyzer analyzer = ArticleDocuments.analyzer();
    private final ArticleIndex index = new ArticleIndex(analyzer);
    /** The highest {@code KB-} number in the table as last read or written; guarded by {@code this}. */
    private long highestNumber;

    private LuceneKnowledgeBase(Jdbi jdbi, InstantSource clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the knowledge base: reads every article from the database into a new index.
     *
     * @param jdbi  the database's Jdbi (with Hotline's instant mapping: {@code Database.jdbi()})
     * @param clock dates new articles
     */
    public static LuceneKnowledgeBase open(Jdbi jdbi, InstantSource clock) {
        LuceneKnowledgeBase knowledgeBase = new LuceneKnowledgeBase(jdbi, clock);
        try {
            knowledgeBase.rebuild();
        } catch (RuntimeException e) {
            knowledgeBase.close();
            throw e;
        }
        return knowledgeBase;
    }

    /**
     * Rebuilds the index from the database, page by page; searches see the previous index until it is done.
     *
     * @return how many articles the index holds
     */
    public synchronized int rebuild() {
        long started = System.nanoTime();
        List<Article> articles = new ArrayList<>();
        long afterId = 0;
        List<ArticleRows.ArticleRow> page;
        do {
            long after = afterId;
            page = jdbi.withExtension(ArticleRows.class, rows -> rows.page(after, PAGE));
            for (ArticleRows.ArticleRow row : page) {
                articles.add(row.article());
                afterId = row.id();
            }
        } while (page.size() == PAGE);
        highestNumber = jdbi.withExtension(ArticleRows.class, ArticleRows::highestNumber);
        long read = System.nanoTime();
        index.replaceAll(articles);
        LOG.info("Knowledge base: {} articles read in {} ms, indexed in {} ms ({} KiB in memory)", articles.size(),
                (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000, index.bytes() / 1024);
        return articles.size();
    }

    @Override
    public List<KnowledgeHit> search(String query, Optional<String> productLine, int limit) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("search text must not be blank");
        }
        if (query.length() > MAX_QUERY) {
            throw new IllegalArgumentException("search text is longer than " + MAX_QUERY + " characters");
        }
        return find(query, productLine, limit);
    }

    @Override
    public List<KnowledgeHit> suggest(Optional<String> productLine, String text, int limit) {
        Objects.requireNonNull(text, "text");
        return find(text, productLine, limit);
    }

    private List<KnowledgeHit> find(String text, Optional<String> productLine, int limit) {
        Objects.requireNonNull(productLine, "productLine");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (productLine.isPresent() && productLine.get().isBlank()) {
            throw new IllegalArgumentException("productLine must be a skill code, not blank");
        }
        Optional<Query> query = ArticleQueries.forText(analyzer, text, productLine);
        return query.isEmpty() ? List.of() : index.search(query.get(), limit);
    }

    @Override
    public Article publish(ArticleDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return store(draft, null, false);
    }

    @Override
    public Article publishFromWorkOrder(long workOrderId, ArticleDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return store(draft, workOrderId, true);
    }

    /**
     * Publishes an article written from a work order the service desk holds, as the desk last stored it: the desk
     * decides states and the table follows it through the journal a moment later, so a work order resolved just
     * now is judged by {@code workOrder}, not by its row (which must exist: its opening is written at once). A
     * draft without a product line takes the work order's.
     *
     * @throws ArticleRefusedException when the work order is not resolved or closed, or the product line is unknown
     */
    public Article publishFromWorkOrder(StoredWorkOrder workOrder, ArticleDraft draft) {
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(draft, "draft");
        ArticleSources.requireResolved(workOrder.id(), workOrder.state());
        ArticleDraft withLine = draft.productLine() != null || workOrder.problem().productLine() == null ? draft
                : new ArticleDraft(draft.title(), draft.symptoms(), draft.solution(),
                        workOrder.problem().productLine(), draft.author());
        return store(withLine, workOrder.id(), false);
    }

    @Override
    public Optional<Article> article(String code) {
        Objects.requireNonNull(code, "code");
        return index.find(code);
    }

    /** How many articles are searchable. */
    public int size() {
        return index.size();
    }

    /** Stores and indexes; {@code checkSource}: judge the source work order by its row. */
    private synchronized Article store(ArticleDraft draft, Long workOrderId, boolean checkSource) {
        Article stored;
        try {
            stored = jdbi.inTransaction(handle -> insert(handle, draft, workOrderId, checkSource,
                    highestNumber + 1));
        } catch (JdbiException e) {
            if (!DuplicateKeys.isDuplicateOf(e, CODE_KEY)) {
                throw e;
            }
            // Someone else wrote a KB- code (the seed, SQL by hand): start after the highest one in the table.
            long highest = jdbi.withExtension(ArticleRows.class, ArticleRows::highestNumber);
            LOG.info("Article code KB-{} was taken; numbering on from KB-{}", highestNumber + 1, highest + 1);
            stored = jdbi.inTransaction(handle -> insert(handle, draft, workOrderId, checkSource, highest + 1));
        }
        highestNumber = Long.parseLong(stored.code().substring(3));
        try {
            index.put(stored);
        } catch (KnowledgeIndexException e) {
            throw new KnowledgeIndexException("article " + stored.code() + " is stored but not searchable until the"
                    + " index is rebuilt (at the next start)", e);
        }
        LOG.info("Published article {} by {}{}", stored.code(), stored.author(),
                workOrderId == null ? "" : " from work order " + workOrderId);
        return stored;
    }

    private Article insert(Handle handle, ArticleDraft draft, Long workOrderId, boolean checkSource, long number) {
        ArticleRows rows = handle.attach(ArticleRows.class);
        String productLine = draft.productLine();
        if (checkSource) {
            ArticleRows.SourceWorkOrder source = rows.sourceWorkOrder(workOrderId).orElseThrow(
                    () -> new ArticleRefusedException("work order " + workOrderId + " does not exist"));
            ArticleSources.requireResolved(workOrderId, source.state());
            productLine = productLine == null ? source.productLine() : productLine;
        }
        Long productSkillId = null;
        if (productLine != null) {
            String line = productLine;
            productSkillId = rows.skillId(line).orElseThrow(
                    () -> new ArticleRefusedException("no product line has the skill code " + line));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String code = String.format(Locale.ROOT, CODE_FORMAT, number);
        rows.insert(new Article(code, draft.title(), draft.symptoms(), draft.solution(), productLine, workOrderId,
                draft.author(), now, now), productSkillId);
        // Index what was stored (the database's rounding of times included), not what was asked.
        return rows.find(code).map(ArticleRows.ArticleRow::article)
                .orElseThrow(() -> new IllegalStateException("article " + code + " vanished"));
    }

    @Override
    public void close() {
        index.close();
        analyzer.close();
    }
}
