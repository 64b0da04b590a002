package io.hotline.routing.spi;

import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base: solutions found before, searched by seats in Chinese or English and suggested on the
 * screen-pop of a work order. Search text is data, never query syntax: any text a user types either finds articles
 * or finds none, it cannot fail to parse. Implementations block on I/O when publishing: never call them on an event
 * loop or an engine thread. Implementations are thread-safe.
 */
public interface KnowledgeBase {
    /** The most hits a search or a suggestion returns. */
    int MAX_LIMIT = 100;
    /** The longest search text, in characters. */
    int MAX_QUERY = 500;

    /**
     * The articles that match {@code query} best, over titles (weighed most), symptoms and solutions, most relevant
     * first, with highlighted fragments.
     *
     * @param query       what the user typed, in Chinese, English or both; not blank, at most {@value #MAX_QUERY}
     *                    characters
     * @param productLine when present, only articles for this product line (skill code) and those for every product
     * @param limit       at most this many hits, 1 to {@value #MAX_LIMIT}
     * @throws IllegalArgumentException on a blank or over-long query or a limit out of range
     */
    List<KnowledgeHit> search(String query, Optional<String> productLine, int limit);

    /**
     * The articles that may solve a work order, from its text (subject and notes: only their first words count)
     * and its product line, most relevant first.
     *
     * @param productLine the work order's product line when known: then only its articles and those for every
     *                    product are suggested
     * @param text        the work order's text; blank text suggests nothing
     * @param limit       at most this many, 1 to {@value #MAX_LIMIT}
     * @throws IllegalArgumentException on a limit out of range
     */
    List<KnowledgeHit> suggest(Optional<String> productLine, String text, int limit);

    /**
     * Publishes an article: stored, then searchable at once. It gets the next free code.
     *
     * @throws io.hotline.routing.knowledge.ArticleRefusedException when the draft's product line is unknown
     */
    Article publish(ArticleDraft draft);

    /**
     * Publishes an article written from a resolved work order, which it records as its source. A draft without a
     * product line takes the work order's.
     *
     * @throws io.hotline.routing.knowledge.ArticleRefusedException when the work order does not exist or is not
     *         resolved (see {@link io.hotline.routing.knowledge.ArticleSources}), or the product line is unknown
     */
    Article publishFromWorkOrder(long workOrderId, ArticleDraft draft);

    /** The article with this code, if there is one. */
    Optional<Article> article(String code);
}
