/**
 * Server push to the people's pages over WebSocket (<a href="https://www.rfc-editor.org/rfc/rfc6455">RFC
 * 6455</a>) at {@code GET /ws}: the upgrade is authenticated with the server's
 * {@link io.hotline.web.http.Authenticator} and checked against cross-site use ({@code Origin} must match
 * {@code Host}); the {@link io.hotline.web.push.PushHub} then sends JSON messages
 * {@code {"type":"...","at":"<ISO instant>","data":{...}}} to a user, a seat or a role.
 *
 * <p>Threading: {@code PushHub} is thread-safe and never blocks its callers (engine threads, executors): a message
 * is serialized once on the caller's thread and queued on each connection's event loop. Each connection's queue is
 * bounded by channel writability; a connection that falls behind is closed with status 1013 and counted, and its
 * page reconnects and reloads its state. The per-connection handlers are confined to their event loop.
 */
package io.hotline.web.push;
