package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallRecords;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the call scripts work with: the directory (blocking, run on {@code blocking}), the call records, the
 * routing inbox, the waiting-caller registry, the clock and the settings. Immutable; its parts are thread-safe.
 *
 * @param settings   queue and skill selection
 * @param directory  caller recognition (blocking)
 * @param records    the fallback hand-offs, and when what was recorded about calls is durable (never blocks)
 * @param inbox      the routing engine's inbox
 * @param callers    where engine commands find waiting callers
 * @param blocking   the executor for blocking calls (sized to the database pool)
 * @param clock      the time
 * @param prompts    sound files found missing on the PBX, logged once each (one per Hotline)
 */
public record RouteContext(RouteSettings settings, CallerDirectory directory, CallRecords records,
                           RoutingInbox inbox, WaitingCallers callers, Executor blocking, InstantSource clock,
                           MissingPrompts prompts) {

    public RouteContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(callers, "callers");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(prompts, "prompts");
    }

    /** A context with its own record of missing prompts (one context per Hotline). */
    public RouteContext(RouteSettings settings, CallerDirectory directory, CallRecords records,
                        RoutingInbox inbox, WaitingCallers callers, Executor blocking, InstantSource clock) {
        this(settings, directory, records, inbox, callers, blocking, clock, new MissingPrompts());
    }
}
