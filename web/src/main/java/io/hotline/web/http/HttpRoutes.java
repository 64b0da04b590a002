package io.hotline.web.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table: which handler answers which method and exact path, and whether it needs authentication.
 * Built once with {@link #builder()} and then immutable and thread-safe; lookups are a hash-map probe.
 *
 * <p>Paths match exactly (no templates yet). A {@code GET} route also answers {@code HEAD}.
 */
public final class HttpRoutes {

    /** The metric route name of requests to a path no route serves. */
    public static final String NOT_FOUND = "not_found";
    /** The metric route name of requests with a method no route on their path serves. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** The metric route name of requests that could not be decoded. */
    public static final String BAD_REQUEST = "bad_request";

    private final Map<String, Map<HttpMethod, HttpRoute>> byPath;
    private final List<HttpRoute> routes;

    private HttpRoutes(Map<String, Map<HttpMethod, HttpRoute>> byPath, List<HttpRoute> routes) {
        Map<String, Map<HttpMethod, HttpRoute>> copy = new LinkedHashMap<>();
        byPath.forEach((path, methods) -> copy.put(path, Map.copyOf(methods)));
        this.byPath = Map.copyOf(copy);
        this.routes = List.copyOf(routes);
    }

    /** An empty table to add routes to. */
    public static Builder builder() {
        return new Builder();
    }

    /** The route serving {@code method} on {@code path}, if any; {@code HEAD} falls back to {@code GET}. */
    public Optional<HttpRoute> find(HttpMethod method, String path) {
        Map<HttpMethod, HttpRoute> methods = byPath.get(path);
        if (methods == null) {
            return Optional.empty();
        }
        HttpRoute route = methods.get(method);
        if (route == null && HttpMethod.HEAD.equals(method)) {
            route = methods.get(HttpMethod.GET);
        }
        return Optional.ofNullable(route);
    }

    /**
     * The methods served on {@code path}, for the {@code Allow} header of a 405; empty if no route has the
     * path. Includes {@code HEAD} where {@code GET} is served.
     */
    public Set<HttpMethod> allowedMethods(String path) {
        Map<HttpMethod, HttpRoute> methods = byPath.get(path);
        if (methods == null) {
            return Set.of();
        }
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (HttpRoute route : routes) {
            if (route.path().equals(path)) {
                allowed.add(route.method());
                if (HttpMethod.GET.equals(route.method())) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    /** Every route, in the order added. */
    public List<HttpRoute> routes() {
        return routes;
    }

    /** Collects routes; not thread-safe, use from one thread and then {@link #build()}. */
    public static final class Builder {

        private final Map<String, Map<HttpMethod, HttpRoute>> byPath = new LinkedHashMap<>();
        private final List<HttpRoute> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @throws IllegalArgumentException if a route for the same method and path is already there
         */
        public Builder add(HttpRoute route) {
            Map<HttpMethod, HttpRoute> methods = byPath.computeIfAbsent(route.path(), path -> new LinkedHashMap<>());
            if (methods.containsKey(route.method())) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.path());
            }
            methods.put(route.method(), route);
            routes.add(route);
            return this;
        }

        /** Adds a {@code GET} (and {@code HEAD}) route. */
        public Builder get(String path, String name, Access access, RouteHandler handler) {
            return add(new HttpRoute(HttpMethod.GET, path, name, access, handler));
        }

        /** Adds a {@code POST} route. */
        public Builder post(String path, String name, Access access, RouteHandler handler) {
            return add(new HttpRoute(HttpMethod.POST, path, name, access, handler));
        }

        /** The table of every route added so far. */
        public HttpRoutes build() {
            return new HttpRoutes(byPath, routes);
        }
    }
}
