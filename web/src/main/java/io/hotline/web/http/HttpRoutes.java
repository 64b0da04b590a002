package io.hotline.web.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The route table: which handler answers which method and path, and whether it needs authentication. Built once
 * with {@link #builder()} and then immutable and thread-safe.
 *
 * <p>A path is exact ({@code /health}) or a template whose segments may be {@code {name}} parameters
 * ({@code /api/work-orders/{id}/escalate}); a parameter matches one whole non-empty segment, and the handler reads
 * it with {@link RouteRequest#pathParameter(String)}. Lookup is a hash-map probe of the exact paths first; only when
 * no exact path matches are the templates with the same number of segments tried, most specific first (at the
 * first segment where two differ, a literal beats a parameter). So an exact path always wins over a template,
 * whatever its methods: a request whose method the exact path does not serve is answered 405, not sent to a
 * template. Among templates, the most specific one serving the method wins, and the 405 {@code Allow} header lists
 * the methods of every template matching the path. A {@code GET} route also answers {@code HEAD}.
 */
public final class HttpRoutes {

    /** The metric route name of requests to a path no route serves. */
    public static final String NOT_FOUND = "not_found";
    /** The metric route name of requests with a method no route on their path serves. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** The metric route name of requests that could not be decoded. */
    public static final String BAD_REQUEST = "bad_request";

    private final Map<String, Map<HttpMethod, HttpRoute>> byPath;
    private final Map<Integer, List<Template>> templatesBySegments;
    private final List<HttpRoute> routes;

    /**
     * A route found for a request, with the values of its path parameters (empty for an exact path).
     *
     * @param route          the route
     * @param pathParameters parameter name to the segment it matched, in path order
     */
    public record RouteMatch(HttpRoute route, Map<String, String> pathParameters) {

        public RouteMatch {
            Objects.requireNonNull(route, "route");
            pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        }
    }

    /** The routes of one template shape, by method. */
    private record Template(PathTemplate path, Map<HttpMethod, HttpRoute> methods) {
    }

    private HttpRoutes(Map<String, Map<HttpMethod, HttpRoute>> byPath, Map<String, Template> templates,
            List<HttpRoute> routes) {
        Map<String, Map<HttpMethod, HttpRoute>> copy = new HashMap<>();
        byPath.forEach((path, methods) -> copy.put(path, Collections.unmodifiableMap(new LinkedHashMap<>(methods))));
        this.byPath = Map.copyOf(copy);
        Map<Integer, List<Template>> bySegments = new HashMap<>();
        for (Template template : templates.values()) {
            bySegments.computeIfAbsent(template.path().segmentCount(), count -> new ArrayList<>())
                    .add(new Template(template.path(),
                            Collections.unmodifiableMap(new LinkedHashMap<>(template.methods()))));
        }
        // A stable sort: templates equally specific keep the order they were added in.
        bySegments.replaceAll((count, list) -> {
            list.sort((left, right) -> PathTemplate.bySpecificity(left.path(), right.path()));
            return List.copyOf(list);
        });
        this.templatesBySegments = Map.copyOf(bySegments);
        this.routes = List.copyOf(routes);
    }

    /** An empty table to add routes to. */
    public static Builder builder() {
        return new Builder();
    }

    /** The route serving {@code method} on {@code path}, if any; {@code HEAD} falls back to {@code GET}. */
    public Optional<HttpRoute> find(HttpMethod method, String path) {
        return match(method, path).map(RouteMatch::route);
    }

    /**
     * The route serving {@code method} on the decoded request {@code path}, with its path parameters, if any;
     * {@code HEAD} falls back to {@code GET}.
     */
    public Optional<RouteMatch> match(HttpMethod method, String path) {
        Map<HttpMethod, HttpRoute> exact = byPath.get(path);
        if (exact != null) {
            return Optional.ofNullable(forMethod(exact, method)).map(route -> new RouteMatch(route, Map.of()));
        }
        if (templatesBySegments.isEmpty()) {
            return Optional.empty();
        }
        String[] segments = PathTemplate.segments(path);
        for (Template template : templatesBySegments.getOrDefault(segments.length, List.of())) {
            if (template.path().matches(segments)) {
                HttpRoute route = forMethod(template.methods(), method);
                if (route != null) {
                    return Optional.of(new RouteMatch(route, template.path().parameters(segments)));
                }
            }
        }
        return Optional.empty();
    }

    private static HttpRoute forMethod(Map<HttpMethod, HttpRoute> methods, HttpMethod method) {
        HttpRoute route = methods.get(method);
        if (route == null && HttpMethod.HEAD.equals(method)) {
            route = methods.get(HttpMethod.GET);
        }
        return route;
    }

    /**
     * The methods served on {@code path}, for the {@code Allow} header of a 405; empty if no route matches the
     * path. Includes {@code HEAD} where {@code GET} is served.
     */
    public Set<HttpMethod> allowedMethods(String path) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        Map<HttpMethod, HttpRoute> exact = byPath.get(path);
        if (exact != null) {
            addAllowed(allowed, exact);
        } else {
            String[] segments = PathTemplate.segments(path);
            for (Template template : templatesBySegments.getOrDefault(segments.length, List.of())) {
                if (template.path().matches(segments)) {
                    addAllowed(allowed, template.methods());
                }
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    private static void addAllowed(Set<HttpMethod> allowed, Map<HttpMethod, HttpRoute> methods) {
        for (HttpMethod method : methods.keySet()) {
            allowed.add(method);
            if (HttpMethod.GET.equals(method)) {
                allowed.add(HttpMethod.HEAD);
            }
        }
    }

    /** Every route, in the order added. */
    public List<HttpRoute> routes() {
        return routes;
    }

    /** Collects routes; not thread-safe, use from one thread and then {@link #build()}. */
    public static final class Builder {

        private final Map<String, Map<HttpMethod, HttpRoute>> byPath = new LinkedHashMap<>();
        private final Map<String, Template> templates = new LinkedHashMap<>();
        private final List<HttpRoute> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @throws IllegalArgumentException if a route for the same method and path (or template of the same
         *                                  shape) is already there, or a template of the same shape names its
         *                                  parameters differently
         */
        public Builder add(HttpRoute route) {
            Map<HttpMethod, HttpRoute> methods;
            if (PathTemplate.isTemplate(route.path())) {
                PathTemplate parsed = PathTemplate.parse(route.path());
                Template template = templates.computeIfAbsent(parsed.shape(),
                        shape -> new Template(parsed, new LinkedHashMap<>()));
                if (!template.methods().isEmpty()) {
                    String existing = template.methods().values().iterator().next().path();
                    if (!existing.equals(route.path())) {
                        throw new IllegalArgumentException("templates " + existing + " and " + route.path()
                                + " differ only in parameter names; use one name");
                    }
                }
                methods = template.methods();
            } else {
                methods = byPath.computeIfAbsent(route.path(), path -> new LinkedHashMap<>());
            }
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

        /** Adds a {@code PUT} route. */
        public Builder put(String path, String name, Access access, RouteHandler handler) {
            return add(new HttpRoute(HttpMethod.PUT, path, name, access, handler));
        }

        /** Adds a {@code DELETE} route. */
        public Builder delete(String path, String name, Access access, RouteHandler handler) {
            return add(new HttpRoute(HttpMethod.DELETE, path, name, access, handler));
        }

        /** The table of every route added so far. */
        public HttpRoutes build() {
            return new HttpRoutes(byPath, templates, routes);
        }
    }
}
