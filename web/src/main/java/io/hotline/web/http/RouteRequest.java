package io.hotline.web.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as a route sees it, copied out of Netty's reference-counted buffers so that a handler may
 * keep it as long as it likes and use it from any thread. Immutable: the headers are read-only and the body is
 * copied on the way in and out.
 *
 * @param method  the request method ({@code HEAD} requests reach {@code GET} routes with method {@code HEAD})
 * @param path    the decoded path, without the query string, e.g. {@code /health}
 * @param query   the decoded query parameters, in order
 * @param headers the request headers, read-only, names case-insensitive
 * @param body    the request body (at most the server's {@code maxRequestBytes})
 * @param user    who made the request, once the {@link Authenticator} accepted it; empty on public routes
 * @param pathParameters the values of the route's {@code {name}} path segments, by name; empty for an exact path
 * @param remoteAddress the client's IP address as the connection shows it (no proxy header is trusted), or
 *                      {@code ""} when unknown (requests made by tests)
 */
public record RouteRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, Optional<AuthenticatedUser> user, Map<String, String> pathParameters, String remoteAddress) {

    public RouteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        query = Collections.unmodifiableMap(copy);
        headers = headers instanceof ReadOnlyHttpHeaders ? headers : readOnly(headers);
        body = body.clone();
        Objects.requireNonNull(user, "user");
        pathParameters = Map.copyOf(pathParameters);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** A request without path parameters (the route's path is exact, or the route is not known yet). */
    public RouteRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
            byte[] body, Optional<AuthenticatedUser> user) {
        this(method, path, query, headers, body, user, Map.of(), "");
    }

    /**
     * A request for {@code uri} (path and optional query string) without body or user, e.g. for tests.
     */
    public static RouteRequest of(HttpMethod method, String uri, HttpHeaders headers, byte[] body) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        return new RouteRequest(method, decoder.path(), decoder.parameters(), headers, body, Optional.empty());
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The value of the route's {@code {name}} path segment, percent-decoded; empty if the route has no such
     * parameter.
     */
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /** This request as made by {@code authenticated}. */
    public RouteRequest withUser(AuthenticatedUser authenticated) {
        return new RouteRequest(method, path, query, headers, body, Optional.of(authenticated), pathParameters,
                remoteAddress);
    }

    /** This request with the path parameters of the route it matched. */
    public RouteRequest withPathParameters(Map<String, String> parameters) {
        return new RouteRequest(method, path, query, headers, body, user, parameters, remoteAddress);
    }

    /** This request as come from {@code address}. */
    public RouteRequest withRemoteAddress(String address) {
        return new RouteRequest(method, path, query, headers, body, user, pathParameters, address);
    }

    private static HttpHeaders readOnly(HttpHeaders headers) {
        List<CharSequence> pairs = new ArrayList<>(headers.size() * 2);
        for (var iterator = headers.iteratorCharSequence(); iterator.hasNext(); ) {
            Entry<CharSequence, CharSequence> header = iterator.next();
            pairs.add(header.getKey());
            pairs.add(header.getValue());
        }
        // Already validated by the decoder; validating again would only cost time.
        return new ReadOnlyHttpHeaders(false, pairs.toArray(new CharSequence[0]));
    }
}
