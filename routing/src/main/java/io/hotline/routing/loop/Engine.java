package io.hotline.routing.loop;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A single-writer domain engine: it owns its state, turns each event into commands, keeps its own timers by an
 * injected clock, and shows its state as an immutable snapshot. The loop that runs it (in {@code app}) applies the
 * events of a batch in order, applies {@link #tick()} when {@link #nextTimer()} is due, publishes
 * {@link #snapshot()} at the end of the batch, and then hands the batch's commands on, in order.
 * <p>
 * Implementations are not thread-safe: they are confined to the one thread that runs them, and do no I/O (a
 * command is what they want done; the loop hands it to the ports).
 *
 * @param <E> the engine's events (a sealed family of past-tense records)
 * @param <C> the engine's commands (a sealed family of imperative records)
 * @param <S> the engine's snapshot (an immutable record, safe on any thread)
 */
public interface Engine<E, C, S> {

    /**
     * Applies one event; the commands it causes go to {@code sink}, in order, before this returns. Timers due by
     * the engine's clock fire first. Bad input becomes a command (a refusal), not an exception: an exception here
     * is a bug, which the loop logs, counts and skips.
     */
    void apply(E event, Consumer<? super C> sink);

    /** When the next timer is due: the loop applies {@link #tick()} once the clock reaches it. */
    Instant nextTimer();

    /**
     * The event that only fires the timers due by the clock and changes nothing else. The loop applies it when
     * {@link #nextTimer()} is due, and on close offers it to its inbox to wake the waiting thread; so it must be
     * harmless at any time. Called once, before the loop's thread starts.
     */
    E tick();

    /** The engine's state now, as an immutable snapshot (the loop builds one at the end of each batch). */
    S snapshot();

    /** How many events were applied, ticks included. */
    long eventsApplied();
}
