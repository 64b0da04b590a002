package io.hotline.persistence.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query. The text is analysed like the articles and each of its words is
 * looked for in the title (weighed {@value #TITLE_WEIGHT}), the symptoms ({@value #SYMPTOMS_WEIGHT}) and the
 * solution (1), and each pair of its Chinese characters in the same fields' pairs at {@value #PAIRS_WEIGHT} of
 * that; an article matching more words, or matching in its title, ranks higher. No query syntax is parsed, so no
 * text can fail to parse or reach a field it should not: {@code title:(a AND} is the words {@code titl} and
 * {@code a}. Only the first {@value #MAX_TERMS} distinct words (and pairs) of the first {@value #MAX_ANALYSED}
 * characters count, which keeps the query of a long work order's text far below Lucene's clause limit. Stateless.
 */
final class ArticleQueries {
    static final float TITLE_WEIGHT = 3f;
    static final float SYMPTOMS_WEIGHT = 2f;
    static final float PAIRS_WEIGHT = 0.5f;
    static final int MAX_TERMS = 64;
    static final int MAX_ANALYSED = 4_000;

    private static final Map<String, Float> WEIGHTS = Map.of(
            ArticleDocuments.TITLE, TITLE_WEIGHT, ArticleDocuments.SYMPTOMS, SYMPTOMS_WEIGHT,
            ArticleDocuments.SOLUTION, 1f);

    private ArticleQueries() {
    }

    /**
     * The query for {@code text}, limited to articles of {@code productLine} and those for every product when a
     * product line is given; empty when the text has no searchable word (only punctuation or stop words).
     *
     * @param analyzer the index's analyzer ({@link ArticleDocuments#analyzer()})
     */
    static Optional<Query> forText(Analyzer analyzer, String text, Optional<String> productLine) {
        // All text fields share one analyzer, and all their pairs another: analyse the text once for each.
        Set<String> words = terms(analyzer, ArticleDocuments.SOLUTION, text);
        Set<String> pairs = terms(analyzer, ArticleDocuments.SOLUTION + ArticleDocuments.PAIRS, text);
        if (words.isEmpty() && pairs.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : ArticleDocuments.TEXT_FIELDS) {
            float weight = WEIGHTS.get(field);
            words.forEach(word -> any.add(boosted(field, word, weight), Occur.SHOULD));
            pairs.forEach(pair -> any.add(boosted(field + ArticleDocuments.PAIRS, pair, weight * PAIRS_WEIGHT),
                    Occur.SHOULD));
        }
        Query matching = any.build();
        if (productLine.isEmpty()) {
            return Optional.of(matching);
        }
        Query product = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ArticleDocuments.PRODUCT, productLine.get())), Occur.SHOULD)
                .add(new TermQuery(new Term(ArticleDocuments.PRODUCT, ArticleDocuments.EVERY_PRODUCT)), Occur.SHOULD)
                .build();
        // The words must match (a FILTER beside SHOULD clauses would make them optional); the product only filters.
        return Optional.of(new BooleanQuery.Builder().add(matching, Occur.MUST).add(product, Occur.FILTER).build());
    }

    /** The distinct index terms of the start of {@code text} in {@code field}, in order. */
    static Set<String> terms(Analyzer analyzer, String field, String text) {
        String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, analysed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (terms.size() < MAX_TERMS && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads a String: no I/O can fail.
            throw new UncheckedIOException("cannot analyse search text", e);
        }
        return terms;
    }

    private static Query boosted(String field, String term, float boost) {
        return new BoostQuery(new TermQuery(new Term(field, term)), boost);
    }
}
