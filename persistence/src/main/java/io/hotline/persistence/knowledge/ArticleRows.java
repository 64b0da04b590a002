package io.hotline.persistence.knowledge;

import io.hotline.routing.knowledge.Article;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code kb_article} as the knowledge base reads and writes it: articles with their product line's skill code, and
 * what publishing needs to know of a skill or a work order. Confined to its handle's thread.
 */
@RegisterConstructorMapper(ArticleRows.ArticleRow.class)
@RegisterConstructorMapper(ArticleRows.SourceWorkOrder.class)
interface ArticleRows {
    /** The columns of an {@link Article}; an article written before V5 has no symptoms. */
    String ARTICLE = "a.id, a.code, a.title, COALESCE(a.symptoms, '') AS symptoms, a.body AS solution,"
            + " s.code AS product_line, a.source_work_order_id, a.author, a.created_at, a.updated_at"
            + " FROM kb_article a LEFT JOIN skill s ON s.id = a.product_skill_id";

    /**
     * An article as stored, with its key.
     *
     * @param id the key, for reading page by page in id order
     */
    record ArticleRow(long id, String code, String title, String symptoms, String solution, String productLine,
                      Long sourceWorkOrderId, String author, Instant createdAt, Instant updatedAt) {
        Article article() {
            return new Article(code, title, symptoms, solution, productLine, sourceWorkOrderId, author, createdAt,
                    updatedAt);
        }
    }

    /**
     * What publishing from a work order needs: its state (decided by the desk, only read here) and its product line.
     *
     * @param state       the work order's state
     * @param productLine its product line's skill code, or {@code null}
     */
    record SourceWorkOrder(WorkOrderState state, String productLine) {
    }

    /** The articles after {@code afterId} in id order, at most {@code limit}: the index is built page by page. */
    @SqlQuery("SELECT " + ARTICLE + " WHERE a.id > :afterId ORDER BY a.id LIMIT :limit")
    List<ArticleRow> page(@Bind("afterId") long afterId, @Bind("limit") int limit);

    /** The article with this code. */
    @SqlQuery("SELECT " + ARTICLE + " WHERE a.code = :code")
    Optional<ArticleRow> find(@Bind("code") String code);

    /** The highest number of a {@code KB-<number>} code, or 0. */
    @SqlQuery("SELECT COALESCE(MAX(CAST(SUBSTRING(code, 4) AS UNSIGNED)), 0) FROM kb_article"
            + " WHERE code REGEXP '^KB-[0-9]+$'")
    long highestNumber();

    /** The id of the skill with this code. */
    @SqlQuery("SELECT id FROM skill WHERE code = :code")
    Optional<Long> skillId(@Bind("code") String code);

    /** The state and product line of a work order. */
    @SqlQuery("SELECT w.state, s.code AS product_line FROM work_order w LEFT JOIN skill s ON s.id = w.product_skill_id"
            + " WHERE w.id = :id")
    Optional<SourceWorkOrder> sourceWorkOrder(@Bind("id") long id);

    /** Stores an article; fails on a duplicate code. */
    @SqlUpdate("INSERT INTO kb_article (code, title, symptoms, body, product_skill_id, source_work_order_id, author,"
            + " created_at, updated_at) VALUES (:code, :title, :symptoms, :solution, :productSkillId,"
            + " :sourceWorkOrderId, :author, :createdAt, :updatedAt)")
    void insert(@BindMethods Article article, @Bind("productSkillId") Long productSkillId);
}
