package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hotline.ops.metrics.RoutingMetrics;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.DutyWindow;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.workorder.Severity;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live figures as Prometheus exports them, driven through the real engines (a {@link RoutingEngine} and a
 * {@link ServiceDesk} on a clock the test moves) and read back from a real {@link PrometheusMeterRegistry}'s scrape,
 * against docs/figures.md's definitions: 10 calls of which 8 answered within the 20 s threshold and 2 abandoned give
 * a service level of 8/8 and, with abandons, 8/10; talk and wrap-up times; occupancy counts only seats logged in and
 * not NOT_READY; a P1 left unanswered fires its response clock's 50 %, 75 % and breach warnings once each; a
 * dispatch the desk runs from the escalation to the follow-up counts each of its legs once.
 */
class EngineFiguresMetricsTest {
    private static final Instant START = Instant.parse("2026-11-18T02:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RoutingConfig config = RoutingConfig.defaults();
    private final RoutingEngine engine = new RoutingEngine(config, clock);
    private final CommandMeters meters = new CommandMeters(registry, config.queues().keySet(), clock);
    private final List<RoutingCommand> commands = new ArrayList<>();
    private final RoutingMetrics routingMetrics = new RoutingMetrics(config.queues().keySet(), engine::snapshot,
            () -> 0, () -> 0, () -> 0);

    @AfterEach
    void close() {
        routingMetrics.close();
        registry.close();
    }

    @Test
    void shouldExportTheCallFiguresAsDefined() {
        // given a tier-1 seat for ERP, a NOT_READY one and an idle one for another skill
        routingMetrics.bindTo(registry);
        seat("s1", "ERP");
        seat("s2", "ERP");
        apply(new RoutingEvent.SeatNotReady("s2", "break"));
        seat("s3", "HR");

        // when 8 calls are answered after 1 to 8 s (within the ring timeout) and talk for a minute, then 2
        // callers hang up after 5 s
        for (int i = 0; i < 8; i++) {
            String call = "answered-" + i;
            arrive(call);
            advance(Duration.ofSeconds(i + 1));
            apply(new RoutingEvent.OfferAnswered(call, "s1"));
            if (i == 0) {
                // then, during a call: 1 busy seat of the 2 logged in and not NOT_READY
                assertThat(value("hotline_routing_occupancy_ratio")).isEqualTo(0.5);
            }
            advance(Duration.ofMinutes(1));
            apply(new RoutingEvent.CallEnded(call));
            advance(config.wrapUp().plusSeconds(1));
        }
        for (int i = 0; i < 2; i++) {
            arrive("gone-" + i);
            advance(Duration.ofSeconds(5));
            apply(new RoutingEvent.CallHungUp("gone-" + i));
        }

        // then
        String support = "queue=\"support\"";
        assertThat(value("hotline_routing_queue_offered_total", support)).isEqualTo(10);
        assertThat(value("hotline_routing_queue_answered_total", support)).as(commands.stream()
                .filter(c -> !(c instanceof RoutingCommand.RecordDecision)).toList().toString()).isEqualTo(8);
        assertThat(value("hotline_routing_queue_abandoned_total", support)).isEqualTo(2);
        assertThat(value("hotline_routing_queue_service_level_ratio", support)).isEqualTo(8.0 / 8);
        assertThat(value("hotline_routing_queue_service_level_with_abandons_ratio", support)).isEqualTo(8.0 / 10);
        assertThat(value("hotline_routing_queue_asa_seconds", support)).isCloseTo(36 / 8.0, within(1e-9));
        assertThat(value("hotline_calls_talk_seconds_count")).isEqualTo(8);
        assertThat(value("hotline_calls_talk_seconds_sum")).isCloseTo(8 * 60, within(1e-6));
        assertThat(value("hotline_seats_wrap_up_seconds_count")).isEqualTo(config.wrapUp().isZero() ? 0 : 8);
        assertThat(value("hotline_seats_wrap_up_seconds_sum")).isCloseTo(
                8 * config.wrapUp().toMillis() / 1000.0, within(1.0 * 8));
        assertThat(value("hotline_routing_occupancy_ratio")).isZero();
    }

    @Test
    void shouldCountSlaWarningsFromTheDesksCommands() {
        // given a desk and a P1 call nobody answers
        ServiceDesk desk = ServiceDesk.restore(new DeskConfig(ServiceLevels.DEFAULT, BusinessHours.ALWAYS_OPEN,
                Map.of(), Duration.ofDays(7), "supervisors"), clock, new StoredDesk(1, List.of(), List.of()));
        desk.apply(new DeskEvent.CallArrived(new CallKey("pbx1", "L1"),
                new CustomerProblem("+8613800138000", null, null, "ERP_U8"), Severity.P1), meters::deskCommand);

        // when the response clock (30 min) runs out, looked at every minute
        for (int minute = 0; minute < 40; minute++) {
            advance(Duration.ofMinutes(1));
            desk.apply(desk.tick(), meters::deskCommand);
        }

        // then each warning once, and no resolution warning yet (2 h)
        assertThat(value("hotline_desk_sla_warnings_total", "clock=\"RESPONSE\"", "level=\"HALF\"")).isEqualTo(1);
        assertThat(value("hotline_desk_sla_warnings_total", "clock=\"RESPONSE\"", "level=\"THREE_QUARTERS\""))
                .isEqualTo(1);
        assertThat(value("hotline_desk_sla_warnings_total", "clock=\"RESPONSE\"", "level=\"BREACH\"")).isEqualTo(1);
        assertThat(value("hotline_desk_sla_warnings_total", "clock=\"RESOLUTION\"", "level=\"HALF\"")).isZero();
    }

    @Test
    void shouldCountEachLegOfADispatchTheDeskRunsFromEscalationToFollowUp() {
        // given a desk with a field leg: one branch in Suzhou on duty around the clock, one engineer
        List<DutyWindow> allWeek = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            allWeek.add(new DutyWindow(day, LocalTime.MIDNIGHT, LocalTime.MAX, "Zhao", "+8613900000010"));
        }
        FieldDirectory branches = new FieldDirectory(List.of(new Branch("SZ", "Suzhou", new GeoPoint(31.3180,
                120.6190), ZoneId.of("Asia/Shanghai"), Set.of("east"), Set.of(), "+86400100", allWeek)),
                List.of(new Engineer("E-SZ-1", "SZ", "Wang Wei", "+8613800000011", true)));
        ServiceDesk desk = ServiceDesk.restore(new DeskConfig(ServiceLevels.DEFAULT, BusinessHours.ALWAYS_OPEN,
                Map.of(), Duration.ofDays(7), "supervisors").withField(FieldConfig.DEFAULT, branches), clock,
                new StoredDesk(1, List.of(), List.of()));
        Actor manager = new Actor(ActorKind.DUTY_MANAGER, "zhao");
        CallKey call = new CallKey("pbx1", "L7");

        // when a call is answered and sent on site, and the order goes through every leg
        desk.apply(new DeskEvent.CallArrived(call, new CustomerProblem("+8613800138000", null, null, "ERP_U8"),
                Severity.P2), meters::deskCommand);
        desk.apply(new DeskEvent.CallConnected(call, "s1"), meters::deskCommand);
        desk.apply(new DeskEvent.Escalated(1, new Actor(ActorKind.SEAT, "s1"), "disk replacement", Tier.ON_SITE,
                new Site("Renmin Road 100, Suzhou", new GeoPoint(31.2990, 120.5853), "east")), meters::deskCommand);
        field(desk, Duration.ofMinutes(5), new FieldEvent.Acknowledged(1, manager));
        field(desk, Duration.ofMinutes(10), new FieldEvent.EngineerAssigned(1, manager, "E-SZ-1", null));
        field(desk, Duration.ofMinutes(5), new FieldEvent.AppointmentBooked(1, manager,
                now.get().plus(Duration.ofHours(2))));
        field(desk, Duration.ofHours(2), new FieldEvent.CheckedIn(1, "+8613800000011", CheckInKind.ARRIVE, null,
                "m1", now.get()));
        field(desk, Duration.ofHours(1), new FieldEvent.CheckedIn(1, "+8613800000011", CheckInKind.DONE,
                "replaced the disk", "m2", now.get()));
        advance(Duration.ofMinutes(31));
        desk.apply(desk.tick(), meters::deskCommand);
        field(desk, Duration.ofMinutes(5), new FieldEvent.FollowUpRecorded(1, manager, 5, "quick", false));

        // then each leg the catalog names was counted once, from the desk's own commands
        for (String step : List.of("SENT", "ACKNOWLEDGED", "ASSIGNED", "ARRIVED", "COMPLETED", "FOLLOWED_UP")) {
            assertThat(value("hotline_field_dispatch_steps_total", "step=\"" + step + "\"")).as(step).isEqualTo(1);
        }
        assertThat(value("hotline_field_dispatch_steps_total", "step=\"REDISPATCHED\"")).isZero();
        assertThat(registry.scrape()).doesNotContain("APPOINTMENT_BOOKED");
    }

    private void field(ServiceDesk desk, Duration after, FieldEvent event) {
        advance(after);
        desk.apply(new DeskEvent.Field(event), meters::deskCommand);
    }

    private void seat(String id, String skill) {
        apply(new RoutingEvent.SeatConfigured(new SeatProfile(id, Tier.TIER1, Map.of(skill, 5), "PJSIP/" + id)),
                new RoutingEvent.SeatLoggedIn(id));
    }

    private void arrive(String call) {
        apply(new RoutingEvent.CallArrived(call, RoutingConfig.SUPPORT, List.of(new SkillRequirement("ERP", 1)),
                CallPriority.NORMAL, null, null));
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
        apply(new RoutingEvent.Tick());
    }

    private void apply(RoutingEvent... events) {
        for (RoutingEvent event : events) {
            engine.apply(event, (RoutingCommand command) -> {
                commands.add(command);
                meters.routingCommand(command);
            });
        }
    }

    /** The value of the one series named {@code series} whose labels include every one of {@code labels}. */
    private double value(String series, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(series) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(registry.scrape());
        Double found = null;
        while (matcher.find()) {
            String labelSet = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= labelSet.contains(label);
            }
            if (all) {
                assertThat(found).as("one series " + series + " with " + List.of(labels)).isNull();
                found = Double.parseDouble(matcher.group(2));
            }
        }
        assertThat(found).as("the series " + series + " with " + List.of(labels) + " in\n" + registry.scrape())
                .isNotNull();
        return found;
    }
}
