package io.hotline.web.page;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serves the page's files from the classpath ({@code io/hotline/web/page/static/}): {@code index.html} at
 * {@code /} and the rest under {@code /static/}, with the strict Content-Security-Policy the page is written for.
 * A stand-in for the production static-file route in tests; stateless and thread-safe.
 */
final class PageResources {

    /** Where the page's files live on the classpath. */
    static final String ROOT = "io/hotline/web/page/static/";
    /** Every file under {@code /static/}; a file missing from the classpath fails the build of the route table. */
    static final List<String> FILES = List.of("app.css", "i18n.js", "dom.js", "clocks.js", "api.js", "desktop.js",
            "supervisor.js", "map.js", "console.js", "app.js");
    /** No inline script or style, nothing from another origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private PageResources() {
    }

    /** Adds {@code GET /} and {@code GET /static/<file>} for every file of the page. */
    static HttpRoutes.Builder addTo(HttpRoutes.Builder routes) {
        routes.get("/", "page_index", Access.PUBLIC, handler("index.html"));
        for (String file : FILES) {
            routes.get("/static/" + file, "page_" + file.replace('.', '_'), Access.PUBLIC,
                    handler("static/" + file));
        }
        return routes;
    }

    /** The text of a page file. */
    static String read(String relativePath) {
        try (InputStream in = PageResources.class.getClassLoader().getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalStateException("page file missing from the classpath: " + ROOT + relativePath);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + relativePath, e);
        }
    }

    private static RouteHandler handler(String relativePath) {
        String body = read(relativePath);
        String extension = relativePath.substring(relativePath.lastIndexOf('.') + 1);
        HttpReply reply = HttpReply.of(HttpResponseStatus.OK, TYPES.get(extension), body)
                .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Cache-Control", "no-cache");
        return RouteHandler.of(request -> reply);
    }
}
