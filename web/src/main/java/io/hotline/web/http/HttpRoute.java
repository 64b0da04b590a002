package io.hotline.web.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the route table: requests with {@code method} to {@code path} go to {@code handler}, if
 * {@code access} allows. Immutable.
 *
 * @param method  the method served; a {@code GET} route also serves {@code HEAD}
 * @param path    the exact path, starting with {@code /}, or a template whose segments may be whole
 *                {@code {camelCaseName}} parameters, e.g. {@code /api/work-orders/{id}/escalate}
 * @param name    a short bounded name in snake case, used as the {@code route} metric tag and in logs
 * @param access  whether the request must be authenticated first
 * @param handler what answers it
 */
public record HttpRoute(HttpMethod method, String path, String name, Access access, RouteHandler handler) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route name must be snake case ([a-z][a-z0-9_]*): " + name);
        }
        if (path.indexOf('{') >= 0 || path.indexOf('}') >= 0) {
            PathTemplate.parse(path);
        }
    }
}
