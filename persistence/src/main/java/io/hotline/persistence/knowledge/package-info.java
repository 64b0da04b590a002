/**
 * The knowledge base ({@link io.hotline.routing.spi.KnowledgeBase}): articles stored in {@code kb_article}, the
 * source of truth, and searched through an in-memory Lucene index that segments Chinese (smartcn) and stems English.
 * The index is built from the database at start and changed by every write through
 * {@link io.hotline.persistence.knowledge.LuceneKnowledgeBase}, right after the database transaction commits.
 *
 * <p>Threading: searches run on the caller's thread, concurrently; writes are serialised by the knowledge base, so
 * the index changes in the order the database did. Publishing blocks on I/O.
 */
package io.hotline.persistence.knowledge;
