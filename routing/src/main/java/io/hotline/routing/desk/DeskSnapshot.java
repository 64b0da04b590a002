package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Map;

/**
 * The desk's live figures, for the wallboard and metrics. Immutable.
 *
 * @param at             when it was taken (the desk's clock)
 * @param sequence       how many events the desk had applied
 * @param held           work orders the desk holds
 * @param byState        held work orders per state
 * @param byTier         held work orders per tier, open ones only (not resolved, closed or cancelled)
 * @param warningsFired  warnings fired since the desk started
 * @param breached       clocks breached and still running or paused (not stopped) per clock
 */
public record DeskSnapshot(Instant at, long sequence, int held, Map<WorkOrderState, Integer> byState,
                           Map<Tier, Integer> byTier, long warningsFired, Map<ClockKind, Integer> breached) {

    public DeskSnapshot {
        byState = Map.copyOf(byState);
        byTier = Map.copyOf(byTier);
        breached = Map.copyOf(breached);
    }
}
