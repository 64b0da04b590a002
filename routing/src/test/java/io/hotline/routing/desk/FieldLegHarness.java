package io.hotline.routing.desk;

import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldFixtures;
import io.hotline.routing.field.Site;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.time.Instant;
import java.util.List;

/** A {@link DeskHarness} over the delta's branches, with the field leg's events and commands at hand. */
final class FieldLegHarness {
    static final Actor MANAGER_SH = new Actor(ActorKind.DUTY_MANAGER, "dm-sh");
    static final Actor MANAGER_SZ = new Actor(ActorKind.DUTY_MANAGER, "dm-sz");

    final DeskHarness desk;

    FieldLegHarness() {
        this(FieldFixtures.delta());
    }

    FieldLegHarness(FieldDirectory directory) {
        desk = new DeskHarness(DeskHarness.ALWAYS_OPEN.withField(FieldConfig.DEFAULT, directory), DeskHarness.START);
    }

    /** A call answered by seat-1, then sent on site to the customer in Suzhou: the escalation's commands. */
    List<DeskCommand> onSite(String linkedId, Site site) {
        long id = desk.call(linkedId, Severity.P2);
        desk.apply(new DeskEvent.CallConnected(DeskHarness.call(linkedId), "seat-1"));
        return desk.apply(new DeskEvent.Escalated(id, DeskHarness.SEAT, "disk replacement", Tier.ON_SITE, site));
    }

    List<DeskCommand> at(Instant at, FieldEvent event) {
        desk.clock.set(at);
        return desk.apply(new DeskEvent.Field(event));
    }

    static FieldEvent.CheckedIn checkIn(long id, String phone, CheckInKind kind, String note, String messageId,
                                        Instant sentAt) {
        return new FieldEvent.CheckedIn(id, phone, kind, note, messageId, sentAt);
    }

    /** The field commands of {@code type} among {@code commands}, in order. */
    static <T extends FieldCommand> List<T> field(List<DeskCommand> commands, Class<T> type) {
        return commands.stream().filter(DeskCommand.Field.class::isInstance)
                .map(command -> ((DeskCommand.Field) command).command()).filter(type::isInstance).map(type::cast)
                .toList();
    }

    /** The one dispatch change among {@code commands}. */
    static FieldCommand.DispatchChanged change(List<DeskCommand> commands) {
        List<FieldCommand.DispatchChanged> changes = field(commands, FieldCommand.DispatchChanged.class);
        if (changes.size() != 1) {
            throw new AssertionError("expected one DispatchChanged, got " + commands);
        }
        return changes.get(0);
    }

    /** The one SMS among {@code commands}. */
    static FieldCommand.SendSms sms(List<DeskCommand> commands) {
        List<FieldCommand.SendSms> sent = field(commands, FieldCommand.SendSms.class);
        if (sent.size() != 1) {
            throw new AssertionError("expected one SendSms, got " + commands);
        }
        return sent.get(0);
    }

    /** The field commands' classes and the desk's others, in order, for asserting the whole output of a step. */
    static List<String> kinds(List<DeskCommand> commands) {
        return commands.stream().map(command -> command instanceof DeskCommand.Field field
                ? field.command().getClass().getSimpleName() : command.getClass().getSimpleName()).toList();
    }
}
