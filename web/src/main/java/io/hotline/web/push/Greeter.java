package io.hotline.web.push;

import io.hotline.web.http.AuthenticatedUser;
import java.util.List;

/**
 * The first messages a newly connected page receives, typically one {@code hello} with the user's current state
 * (seat state, current work order). Called on the connection's event-loop thread just after the connection is
 * registered, so it must answer from memory without blocking. A message pushed while it runs may reach the page
 * before the greeting; the greeting is built afterwards and carries the current state, so the page applies it as a
 * reset. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Greeter {

    /** Greets nobody. */
    Greeter NONE = user -> List.of();

    /** The messages to send first to {@code user}'s new connection, in order. */
    List<PushMessage> greet(AuthenticatedUser user);
}
