package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.workorder.Severity;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each desk command reaches the ports that carry it out: kept and pushed, a release only kept. */
class DeskCommandDispatcherTest {

    @Test
    void shouldStoreAndPushWhatTheDeskDecidedAndOnlyStoreARelease() {
        // given the commands a real desk emits for a call, a warning, a refusal and a release
        MemoryDeskStore store = new MemoryDeskStore();
        RecordingNotifier notifier = new RecordingNotifier();
        DeskCommandDispatcher dispatcher = new DeskCommandDispatcher(store, notifier);
        ServiceDesk desk = new ServiceDesk(DeskConfig.DEFAULT, InstantSource.fixed(Instant.parse(
                "2026-12-07T02:00:00Z")));
        CallKey call = new CallKey("pbx1", "c1");
        List<DeskCommand> commands = new ArrayList<>();
        desk.apply(new DeskEvent.CallArrived(call, CustomerProblem.UNKNOWN, Severity.P1), commands::add);
        desk.apply(new DeskEvent.CallConnected(call, "S1001"), commands::add);
        desk.apply(new DeskEvent.Escalated(99, Actor.seat("S1001"), "why"), commands::add);
        DeskCommand.ClockWarning warning = new DeskCommand.ClockWarning(1, ClockKind.RESOLUTION, WarningLevel.HALF,
                Instant.parse("2026-12-07T03:00:00Z"), Instant.parse("2026-12-07T03:00:00Z"), "S1001", List.of());
        DeskCommand.WorkOrderReleased released = new DeskCommand.WorkOrderReleased(1,
                Instant.parse("2026-12-20T00:00:00Z"));
        commands.add(warning);
        commands.add(released);

        // when
        commands.forEach(dispatcher::dispatch);

        // then
        assertThat(notifier.told).containsExactlyElementsOf(commands.subList(0, 4));
        assertThat(store.refusals()).hasSize(1);
        assertThat(store.trail(1)).hasSize(2);
        assertThat(store.workOrderOf(call)).as("released: no longer loaded").isEmpty();
        assertThat(store.load().nextId()).isEqualTo(2);
    }
}
