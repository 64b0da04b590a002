package io.hotline.routing.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One article found by a search or suggested for a work order, with why it matched. Immutable.
 *
 * <p>{@code title} and {@code fragments} are HTML: the article's text escaped, with each matching word wrapped in
 * {@code <mark>...</mark>}. A screen can insert them as they are; nothing in an article can inject markup.
 *
 * @param article   the article
 * @param score     the relevance score; only its order among the hits of one search means anything
 * @param title     the title, escaped, matches marked
 * @param fragments the best passages of the symptoms and the solution, escaped, matches marked; when only the title
 *                  matched, the start of the solution, escaped; never empty
 */
public record KnowledgeHit(Article article, float score, String title, List<String> fragments) {

    public KnowledgeHit {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(title, "title");
        fragments = List.copyOf(fragments);
    }
}
