package io.hotline.routing.spi;

import io.hotline.routing.workorder.FallbackHandoff;
import java.util.concurrent.CompletionStage;

/**
 * What the call path records beside routing's own journal, and when what Hotline recorded about calls survives a
 * crash. The route script does not open work orders (the service desk opens a call's one work order when routing
 * tells it the call joined); it waits on {@link #durable()} before the dialplan acts on its result, so that a call
 * the dialplan goes on with is never lost to Hotline's records by a crash. Implementations never block the caller
 * and are thread-safe.
 */
public interface CallRecords {

    /**
     * Records a channel of a call that went to the dialplan's fallback queue without entering routing (routing
     * overloaded, or a second session for a call already held): a call record with outcome FALLBACK (each
     * hand-off; the channel's row is written once). Never blocks (written later, durably).
     */
    void handedToFallback(FallbackHandoff handoff);

    /**
     * Completes with true once everything recorded about calls until now (routing's JOINED entry of a call whose
     * session asks, which routing handed over before it told the session anything) survives a crash of Hotline;
     * with false or exceptionally when it cannot say so (a disk that stopped taking writes, a stopped journal).
     * Never blocks.
     */
    CompletionStage<Boolean> durable();
}
