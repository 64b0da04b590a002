package io.hotline.routing.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What a call's connection and abandon do to its work order, from every state. */
class CallTransitionsTest {

    @Test
    void shouldTakeANewOrWorkedOnWorkOrderIntoProgressWhenItsCallReachesASeat() {
        assertThat(CallTransitions.connected(WorkOrderState.NEW)).contains(WorkOrderState.IN_PROGRESS);
        assertThat(CallTransitions.connected(WorkOrderState.IN_PROGRESS)).contains(WorkOrderState.IN_PROGRESS);
    }

    @Test
    void shouldLeaveAWorkOrderFurtherAlongAsItIsWhenItsCallReachesASeat() {
        for (WorkOrderState state : EnumSet.complementOf(EnumSet.of(WorkOrderState.NEW,
                WorkOrderState.IN_PROGRESS))) {
            assertThat(CallTransitions.connected(state)).as("from %s", state).isEmpty();
        }
    }

    @Test
    void shouldCancelOnlyANewWorkOrderWhenItsCallerAbandons() {
        assertThat(CallTransitions.abandoned(WorkOrderState.NEW)).contains(WorkOrderState.CANCELLED);
        for (WorkOrderState state : EnumSet.complementOf(EnumSet.of(WorkOrderState.NEW))) {
            assertThat(CallTransitions.abandoned(state)).as("from %s", state).isEmpty();
        }
    }
}
