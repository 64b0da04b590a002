package io.hotline.persistence.knowledge;

import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.KnowledgeHit;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of the articles. Changes are visible to searches as soon as the method that made
 * them returns (near-real-time readers, refreshed after each change; nothing is committed, as nothing is kept).
 *
 * <p>Thread-safe: searches run concurrently on their callers' threads, each on the reader current when it starts;
 * changes must come from one writer at a time (the knowledge base serialises them).
 */
final class ArticleIndex implements AutoCloseable {
    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    ArticleIndex(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.directory = new ByteBuffersDirectory();
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot create the in-memory article index", e);
        }
    }

    /** Replaces everything in the index with {@code articles}; searches see the old set until the new one is in. */
    void replaceAll(Iterable<Article> articles) {
        try {
            writer.deleteAll();
            for (Article article : articles) {
                writer.addDocument(ArticleDocuments.toDocument(article));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot rebuild the article index", e);
        }
    }

    /** Adds the article, or replaces the one with its code. */
    void put(Article article) {
        try {
            writer.updateDocument(ArticleDocuments.key(article.code()), ArticleDocuments.toDocument(article));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot index article " + article.code(), e);
        }
    }

    /** The best {@code limit} hits of {@code query}, most relevant first, highlighted. */
    List<KnowledgeHit> search(Query query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, limit);
                StoredFields stored = searcher.storedFields();
                ArticleHighlights highlights = new ArticleHighlights(analyzer, query);
                List<KnowledgeHit> hits = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc scoreDoc : top.scoreDocs) {
                    Article article = ArticleDocuments.toArticle(stored.document(scoreDoc.doc));
                    hits.add(new KnowledgeHit(article, scoreDoc.score, highlights.title(article.title()),
                            highlights.fragments(article.symptoms(), article.solution())));
                }
                return Collections.unmodifiableList(hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot search the article index", e);
        }
    }

    /** The article with this code. */
    Optional<Article> find(String code) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(ArticleDocuments.key(code)), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(ArticleDocuments.toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot read article " + code + " from the index", e);
        }
    }

    /** How many articles the index holds. */
    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot count the article index", e);
        }
    }

    /** The memory the index's files take, in bytes (without the writer's buffers and the readers' caches). */
    long bytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (NoSuchFileException e) {
                    // A merge finished and deleted it meanwhile: it takes no memory any more.
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot measure the article index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new KnowledgeIndexException("cannot close the article index", e);
        }
    }
}
