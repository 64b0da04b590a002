package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import java.util.function.Consumer;

/**
 * What the benchmark drives: the real {@code RoutingEngine} ({@code engine::apply}) or the {@link NaiveRouter}.
 * Not thread-safe; confined to the thread that drives it.
 */
@FunctionalInterface
interface Router {

    /** Applies one event; the commands it causes go to {@code sink} before this returns. */
    void apply(RoutingEvent event, Consumer<? super RoutingCommand> sink);
}
