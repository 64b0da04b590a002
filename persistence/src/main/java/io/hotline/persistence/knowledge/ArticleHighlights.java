package io.hotline.persistence.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.TextFragment;

/**
 * Marks the words a query matched in an article's stored text, with Lucene's highlighter re-analysing the text; where
 * no word matched, the Chinese character pairs that did (so {@code 过期} is marked where smartcn cut it apart). The
 * output is HTML: the text escaped (only {@code & < > " '}, so Chinese stays readable, unlike
 * {@code SimpleHTMLEncoder}'s numeric entities), matches in {@code <mark>}. One per search, confined to its thread.
 */
final class ArticleHighlights {
    /** About how many characters a fragment has. */
    static final int FRAGMENT_SIZE = 120;
    /** The most fragments per field. */
    static final int FRAGMENTS_PER_FIELD = 2;

    private static final Encoder HTML = ArticleHighlights::escape;
    private static final SimpleHTMLFormatter MARK = new SimpleHTMLFormatter("<mark>", "</mark>");

    private final Analyzer analyzer;
    private final Query query;
    /** One highlighter per field, made at its first use and reused for every hit of the search. */
    private final Map<String, Highlighter> highlighters = new HashMap<>();

    ArticleHighlights(Analyzer analyzer, Query query) {
        this.analyzer = analyzer;
        this.query = query;
    }

    /** The whole title, matches marked. */
    String title(String title) {
        List<String> marked = marked(ArticleDocuments.TITLE, title, 1);
        if (marked.isEmpty()) {
            marked = marked(ArticleDocuments.TITLE + ArticleDocuments.PAIRS, title, 1);
        }
        return marked.isEmpty() ? escape(title) : marked.get(0);
    }

    /**
     * The best passages of the symptoms, then of the solution; the start of the solution when neither matched.
     */
    List<String> fragments(String symptoms, String solution) {
        List<String> fragments = new ArrayList<>(passages(ArticleDocuments.SYMPTOMS, symptoms));
        fragments.addAll(passages(ArticleDocuments.SOLUTION, solution));
        if (fragments.isEmpty()) {
            String start = solution.length() > FRAGMENT_SIZE ? solution.substring(0, FRAGMENT_SIZE) + "…" : solution;
            fragments.add(escape(start));
        }
        return fragments;
    }

    /** The best passages by the words of the query, or else by its Chinese character pairs. */
    private List<String> passages(String field, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> byWords = marked(field, text, FRAGMENTS_PER_FIELD);
        return byWords.isEmpty() ? marked(field + ArticleDocuments.PAIRS, text, FRAGMENTS_PER_FIELD) : byWords;
    }

    private List<String> marked(String field, String text, int count) {
        Highlighter highlighter = highlighters.computeIfAbsent(field, this::highlighter);
        return best(highlighter, field, text, count);
    }

    /**
     * A highlighter of the query's terms in {@code field}: the query is only term queries, so the term scorer
     * (terms taken from the query once) does what the span scorer would at a fraction of the cost per hit.
     */
    private Highlighter highlighter(String field) {
        Highlighter highlighter = new Highlighter(MARK, HTML, new QueryTermScorer(query, field));
        boolean whole = field.startsWith(ArticleDocuments.TITLE);
        highlighter.setTextFragmenter(whole ? new NullFragmenter() : new SimpleFragmenter(FRAGMENT_SIZE));
        return highlighter;
    }

    private List<String> best(Highlighter highlighter, String field, String text, int count) {
        try {
            TextFragment[] best = highlighter.getBestTextFragments(analyzer.tokenStream(field, text), text, false,
                    count);
            List<String> marked = new ArrayList<>(best.length);
            for (TextFragment fragment : best) {
                if (fragment != null && fragment.getScore() > 0) {
                    marked.add(fragment.toString().strip());
                }
            }
            return marked;
        } catch (IOException | InvalidTokenOffsetsException e) {
            // The text is a stored String analysed by the indexing analyzer: its offsets always fit.
            throw new KnowledgeIndexException("cannot highlight the " + field + " of an article", e);
        }
    }

    /** The text with HTML's special characters escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
