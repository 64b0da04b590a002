/**
 * The knowledge base as the domain sees it: articles (a problem's symptoms and its solution, for a product line or
 * for all), drafts to publish, search hits with highlighted fragments, and the rule that only a resolved work order
 * can become an article. Immutable value types; no I/O. The port is
 * {@link io.hotline.routing.spi.KnowledgeBase}.
 */
package io.hotline.routing.knowledge;
