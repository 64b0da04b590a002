/**
 * The HTTP routing layer every Hotline endpoint plugs into: a route table ({@link io.hotline.web.http.HttpRoutes})
 * keyed by method and exact or templated path ({@code /api/work-orders/{id}}), whose routes each declare their
 * {@link io.hotline.web.http.Access} (public machine endpoints, authenticated person-facing ones checked by a
 * pluggable {@link io.hotline.web.http.Authenticator}, or machine endpoints whose handler checks a signature);
 * immutable requests and replies; and the Netty pipeline
 * that decodes HTTP/1.1 (<a href="https://www.rfc-editor.org/rfc/rfc9112">RFC 9112</a>), dispatches to the routes
 * and encodes the replies.
 *
 * <p>Threading: route handlers, authenticators and observers are called on an event-loop thread and must not
 * block; a handler with blocking work hands it to its own executor and completes its
 * {@link java.util.concurrent.CompletionStage} from there. Requests on one connection are answered in order, one
 * at a time. Requests and replies are immutable; the per-connection dispatcher is confined to its event loop.
 */
package io.hotline.web.http;
