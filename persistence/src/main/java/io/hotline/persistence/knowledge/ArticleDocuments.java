package io.hotline.persistence.knowledge;

import io.hotline.routing.knowledge.Article;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

/**
 * How an article is laid out in the index: its code as the key, title, symptoms and solution as analysed text
 * (stored too, for highlighting and so that a hit needs no database read) and again as Chinese character pairs, its
 * product line as an exact term, and
 * the rest stored only. Stateless.
 */
final class ArticleDocuments {
    static final String CODE = "code";
    static final String TITLE = "title";
    static final String SYMPTOMS = "symptoms";
    static final String SOLUTION = "solution";
    static final String PRODUCT = "product";
    /** The suffix of the field that holds a text field's Chinese character pairs ({@link ChineseBigramAnalyzer}). */
    static final String PAIRS = "_pairs";
    /** The text fields, each also indexed as character pairs. */
    static final List<String> TEXT_FIELDS = List.of(TITLE, SYMPTOMS, SOLUTION);
    /** The product term of an article for every product line (no skill code contains {@code *}). */
    static final String EVERY_PRODUCT = "*";

    private static final String SOURCE = "source";
    private static final String AUTHOR = "author";
    private static final String CREATED = "created";
    private static final String UPDATED = "updated";

    private ArticleDocuments() {
    }

    /**
     * The analyzer of every field: words ({@link BilingualAnalyzer}) for the text fields, Chinese character pairs for
     * their {@link #PAIRS} twins.
     */
    static Analyzer analyzer() {
        Analyzer pairs = new ChineseBigramAnalyzer();
        Map<String, Analyzer> byField = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            byField.put(field + PAIRS, pairs);
        }
        return new PerFieldAnalyzerWrapper(new BilingualAnalyzer(), byField);
    }

    /** The term that identifies an article's document. */
    static Term key(String code) {
        return new Term(CODE, code);
    }

    static Document toDocument(Article article) {
        Document document = new Document();
        document.add(new StringField(CODE, article.code(), Field.Store.YES));
        document.add(new TextField(TITLE, article.title(), Field.Store.YES));
        document.add(new TextField(SYMPTOMS, article.symptoms(), Field.Store.YES));
        document.add(new TextField(SOLUTION, article.solution(), Field.Store.YES));
        document.add(new TextField(TITLE + PAIRS, article.title(), Field.Store.NO));
        document.add(new TextField(SYMPTOMS + PAIRS, article.symptoms(), Field.Store.NO));
        document.add(new TextField(SOLUTION + PAIRS, article.solution(), Field.Store.NO));
        String product = article.productLine() == null ? EVERY_PRODUCT : article.productLine();
        document.add(new StringField(PRODUCT, product, Field.Store.YES));
        if (article.sourceWorkOrderId() != null) {
            document.add(new StoredField(SOURCE, article.sourceWorkOrderId()));
        }
        document.add(new StoredField(AUTHOR, article.author()));
        document.add(new StoredField(CREATED, article.createdAt().toEpochMilli()));
        document.add(new StoredField(UPDATED, article.updatedAt().toEpochMilli()));
        return document;
    }

    static Article toArticle(Document document) {
        String product = document.get(PRODUCT);
        IndexableField source = document.getField(SOURCE);
        return new Article(document.get(CODE), document.get(TITLE), document.get(SYMPTOMS), document.get(SOLUTION),
                EVERY_PRODUCT.equals(product) ? null : product,
                source == null ? null : source.numericValue().longValue(), document.get(AUTHOR),
                instant(document, CREATED), instant(document, UPDATED));
    }

    private static Instant instant(Document document, String field) {
        return Instant.ofEpochMilli(document.getField(field).numericValue().longValue());
    }
}
