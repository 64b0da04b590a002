package io.hotline.web.http;

/** Who may call a route. */
public enum Access {
    /** Anyone who can reach the port: machine endpoints such as {@code /health} and {@code /metrics}. */
    PUBLIC,
    /** Only requests the {@link Authenticator} accepts; others get 401 before the handler runs. */
    AUTHENTICATED
}
