package io.hotline.persistence.dao;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The knowledge base: solutions, searchable by full text over title and body ({@code ft_kb_article}). InnoDB
 * indexes a row for full-text search only when its transaction commits, and ignores words shorter than
 * {@code innodb_ft_min_token_size} (3) and stopwords. Thread-safe when obtained with {@code Jdbi.onDemand};
 * confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(KbArticleRow.class)
public interface KnowledgeBaseDao {

    /** The columns of {@code kb_article}, in {@link KbArticleRow}'s order. */
    String COLUMNS = "id, code, title, body, product_skill_id, source_work_order_id, author, created_at, updated_at";

    /** Inserts an article; returns its id. Fails on a duplicate code. */
    @SqlUpdate("INSERT INTO kb_article (code, title, body, product_skill_id, source_work_order_id, author,"
            + " created_at, updated_at) VALUES (:code, :title, :body, :productSkillId, :sourceWorkOrderId, :author,"
            + " :createdAt, :updatedAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods KbArticleRow article);

    /** The article with this code. */
    @SqlQuery("SELECT " + COLUMNS + " FROM kb_article WHERE code = :code")
    Optional<KbArticleRow> findByCode(@Bind("code") String code);

    /**
     * Articles matching {@code query} in natural-language mode, most relevant first, at most {@code limit}.
     * The query is bound, never spliced, so search text cannot change the SQL.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM kb_article"
            + " WHERE MATCH(title, body) AGAINST (:query IN NATURAL LANGUAGE MODE)"
            + " ORDER BY MATCH(title, body) AGAINST (:query IN NATURAL LANGUAGE MODE) DESC, id LIMIT :limit")
    List<KbArticleRow> search(@Bind("query") String query, @Bind("limit") int limit);
}
