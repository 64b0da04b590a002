package io.hotline.persistence.knowledge;

import io.hotline.routing.HotlineException;

/**
 * The knowledge base's search index failed (it lives in memory, so this means a bug or no memory left). The
 * database, the source of truth, is unaffected: a restart rebuilds the index from it.
 */
public final class KnowledgeIndexException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public KnowledgeIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
