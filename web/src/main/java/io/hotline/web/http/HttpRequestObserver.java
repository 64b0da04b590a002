package io.hotline.web.http;

/**
 * Hears about every request the server answers, for metrics ({@code app} bridges it to the
 * {@code hotline.http.requests} timer, so that web needs no metrics library). Called on an event-loop thread
 * after the reply is written: it must be quick and must not block. Exceptions it throws are logged and ignored.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HttpRequestObserver {

    /** Observes nothing. */
    HttpRequestObserver NO_OP = (route, status, nanos) -> {
    };

    /**
     * @param route  the route's bounded name ({@code health}, {@code metrics}) or an outcome such as
     *               {@code not_found} or {@code bad_request}; never the raw path
     * @param status the HTTP status code sent
     * @param nanos  from the request being decoded to the reply being written
     */
    void onRequest(String route, int status, long nanos);
}
