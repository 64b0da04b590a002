package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.START;
import static io.hotline.routing.desk.FieldLegHarness.MANAGER_SH;
import static io.hotline.routing.desk.FieldLegHarness.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldFixtures;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A desk restored from {@link ServiceDesk#stored()} before any step of the field leg behaves as if never stopped. */
class FieldRestoreTest {
    private static final DeskConfig CONFIG = DeskHarness.ALWAYS_OPEN.withField(FieldConfig.DEFAULT,
            FieldFixtures.delta());

    private record Step(Instant at, DeskEvent event) {
    }

    private static Instant at(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static DeskEvent field(FieldEvent event) {
        return new DeskEvent.Field(event);
    }

    private static List<Step> script() {
        CallKey call = DeskHarness.call("a");
        return List.of(
                new Step(at(0), new DeskEvent.CallArrived(call, DeskHarness.problem(), Severity.P2)),
                new Step(at(0), new DeskEvent.CallConnected(call, "seat-1")),
                new Step(at(0), new DeskEvent.Escalated(1, DeskHarness.SEAT, "disk", Tier.ON_SITE,
                        FieldFixtures.SITE)),
                new Step(at(10), new DeskEvent.Tick()),
                new Step(at(12), field(new FieldEvent.Acknowledged(1, MANAGER_SH))),
                new Step(at(30), field(new FieldEvent.EngineerAssigned(1, MANAGER_SH, "E-SH-1", null))),
                new Step(at(35), field(new FieldEvent.EngineerAssigned(1, MANAGER_SH, "E-SH-2", "sick"))),
                new Step(at(40), field(new FieldEvent.AppointmentBooked(1, MANAGER_SH, at(120)))),
                new Step(at(110), field(checkIn(1, "+8613800000021", CheckInKind.ARRIVE, null, "m1", at(110)))),
                new Step(at(121), field(checkIn(1, "+8613800000022", CheckInKind.ARRIVE, null, "m2", at(120)))),
                new Step(at(180), field(checkIn(1, "+8613800000022", CheckInKind.DONE, "fan", "m3", at(179)))),
                new Step(at(210), new DeskEvent.Tick()),
                new Step(at(215), field(new FieldEvent.FollowUpRecorded(1, MANAGER_SH, null, null, true))),
                new Step(at(275), new DeskEvent.Tick()),
                new Step(at(280), field(new FieldEvent.FollowUpRecorded(1, MANAGER_SH, 5, "great", false))),
                new Step(at(60 * 24 * 5), new DeskEvent.Tick()),
                new Step(at(60 * 24 * 8), new DeskEvent.Tick()));
    }

    @Test
    void shouldGiveTheSameCommandsAfterARestoreBeforeEveryStep() {
        // given the commands of each step of a desk that never stopped
        List<Step> script = script();
        ManualClock neverStopped = new ManualClock(START);
        List<List<DeskCommand>> expected = run(new ServiceDesk(CONFIG, neverStopped), neverStopped, script);
        assertThat(expected.get(script.size() - 1)).extracting(command -> command.getClass().getSimpleName())
                .containsExactly("WorkOrderReleased");
        assertThat(FieldLegHarness.kinds(expected.get(14))).containsExactly("DispatchChanged", "DispatchChanged",
                "ServiceReported", "WorkOrderChanged");
        assertThat(FieldLegHarness.kinds(expected.get(9))).containsExactly("DispatchChanged", "SendSms");

        for (int stop = 1; stop < script.size(); stop++) {
            // when the desk stops before step `stop` and is restored from its stored form
            ManualClock clock = new ManualClock(START);
            ServiceDesk before = new ServiceDesk(CONFIG, clock);
            run(before, clock, script.subList(0, stop));
            ServiceDesk restored = ServiceDesk.restore(CONFIG, clock, before.stored());
            assertThat(restored.stored()).as("stored form after restore at step " + stop)
                    .isEqualTo(before.stored());

            // then the rest of the script gives the same commands
            List<List<DeskCommand>> after = run(restored, clock, script.subList(stop, script.size()));
            assertThat(after).as("commands after a restore at step " + stop)
                    .isEqualTo(expected.subList(stop, script.size()));
        }
    }

    private static List<List<DeskCommand>> run(ServiceDesk desk, ManualClock clock, List<Step> steps) {
        List<List<DeskCommand>> out = new ArrayList<>();
        for (Step step : steps) {
            clock.set(step.at());
            List<DeskCommand> commands = new ArrayList<>();
            desk.apply(step.event(), commands::add);
            out.add(commands);
        }
        return out;
    }
}
