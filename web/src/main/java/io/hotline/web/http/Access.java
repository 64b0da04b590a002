package io.hotline.web.http;

/** Who may call a route. */
public enum Access {
    /** Anyone who can reach the port: machine endpoints such as {@code /health} and {@code /metrics}. */
    PUBLIC,
    /** Only requests the {@link Authenticator} accepts; others get 401 before the handler runs. */
    AUTHENTICATED,
    /**
     * A machine's endpoint authenticated by a signature over the request, not by a person's session: the
     * dispatcher passes every request to the handler (no {@link Authenticator}, no user), and the handler verifies
     * the signature first and answers 401 itself when it does not hold (the SMS gateway's {@code /sms/inbound}).
     * Never public: it changes state, and only the holder of the shared secret may call it.
     */
    SIGNED
}
