/**
 * The people's pages as static files: {@link io.hotline.web.page.StaticFiles} serves the HTML, CSS and JavaScript
 * kept as classpath resources (no build step), read once at start, with validators ({@code ETag}, 304) and the
 * security headers every page reply carries. The pages hold no data of their own: they fetch it from the
 * authenticated JSON API and the push channel ({@link io.hotline.web.push}), so these routes are public.
 *
 * <p>Threading: the files are read on the thread that builds the routes; serving is from memory, on the event
 * loop.
 */
package io.hotline.web.page;
