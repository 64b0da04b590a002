package io.hotline.routing.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldDeadline;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldFixtures;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The field leg's invariants over random event sequences (seeded; {@code -Dfield.seed=N} replays one run): random
 * on-site escalations (some without location), acknowledgements, assignments, appointments, check-ins from right
 * and wrong phones, follow-ups, placing by hand, closures by seats, and clock jumps (some exactly onto the next
 * timer). After every event: each deadline fired at most once (per leg, per follow-up attempt); nothing due by the
 * clock left unfired; every step numbered one after the last; the store, fed only the commands, holds exactly the
 * desk's dispatch orders; a desk restored from the store at random points gives the same commands.
 */
class FieldPropertiesTest {
    private static final int RUNS = 60;
    private static final int EVENTS = 250;
    private static final DeskConfig CONFIG = DeskHarness.ALWAYS_OPEN.withField(FieldConfig.DEFAULT,
            FieldFixtures.delta());
    private static final Actor[] CONSOLE = {FieldLegHarness.MANAGER_SH, FieldLegHarness.MANAGER_SZ,
        DeskHarness.SUPERVISOR, DeskHarness.SEAT};
    private static final String[] ENGINEERS = {"E-SZ-1", "E-SH-1", "E-SH-2", "E-SH-9", "E-XX"};
    private static final String[] PHONES = {"+8613800000011", "+8613800000021", "13800000022", "+8613800000029",
        "+861"};
    private static final String[] BRANCHES = {"SZ", "SH", "HZ", "NJ", "XX"};

    @Test
    void shouldKeepTheFieldInvariantsOverRandomEventSequences() {
        String fixed = System.getProperty("field.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        int runs = fixed != null ? 1 : RUNS;
        Map<String, Integer> coverage = new HashMap<>();
        for (int run = 0; run < runs; run++) {
            new Run(base + run, coverage).play();
        }
        assertThat(coverage).as("steps and outcomes reached").containsKeys("SENT", "REDISPATCHED", "UNPLACED",
                "ACKNOWLEDGED", "ASSIGNED", "REASSIGNED", "ARRIVED", "COMPLETED", "FOLLOW_UP_DUE", "CLOSED",
                "CANCELLED", "PLACED_BY_HAND", "ASSIGN_WARNING", "ASSIGN_BREACHED", "UNREACHABLE", "refused",
                "restores");
    }

    /** One seeded run. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final Map<String, Integer> coverage;
        private final ManualClock clock = new ManualClock(DeskHarness.START);
        private final InMemoryDeskStore store = new InMemoryDeskStore();
        private final ServiceDesk desk = new ServiceDesk(CONFIG, clock);
        private ServiceDesk restored;
        private final List<String> script = new ArrayList<>();
        private final Set<String> fired = new HashSet<>();
        private final Map<Long, Integer> lastStep = new HashMap<>();

        Run(long seed, Map<String, Integer> coverage) {
            this.seed = seed;
            this.random = new Random(seed);
            this.coverage = coverage;
        }

        void play() {
            for (int step = 0; step < EVENTS; step++) {
                if (random.nextInt(30) == 0) {
                    restored = ServiceDesk.restore(CONFIG, clock, store.load());
                    script.add("-- restored from the store");
                    coverage.merge("restores", 1, Integer::sum);
                }
                moveClock();
                DeskEvent event = nextEvent();
                script.add(clock.instant() + " " + event);
                List<DeskCommand> live = new ArrayList<>();
                desk.apply(event, live::add);
                live.forEach(this::record);
                if (restored != null) {
                    List<DeskCommand> fromRestored = new ArrayList<>();
                    restored.apply(event, fromRestored::add);
                    assertThat(fromRestored).as(this::failure).isEqualTo(live);
                }
                check();
            }
        }

        private String failure() {
            return "seed " + seed + " (replay with -Dfield.seed=" + seed + "), events:\n" + String.join("\n",
                    script.subList(Math.max(0, script.size() - 40), script.size()));
        }

        private void moveClock() {
            int choice = random.nextInt(10);
            Instant next = desk.nextTimer();
            if (choice < 3 && next.isBefore(clock.instant().plus(Duration.ofDays(3)))) {
                clock.set(next.isAfter(clock.instant()) ? next : clock.instant());
            } else if (choice < 7) {
                clock.advance(Duration.ofMillis(random.nextInt(15 * 60_000)));
            } else if (choice < 8) {
                clock.advance(Duration.ofMinutes(30 + random.nextInt(300)));
            }
        }

        private DeskEvent nextEvent() {
            List<StoredDispatch> open = desk.dispatches().stream().filter(d -> d.state() != DispatchState.CLOSED
                    && d.state() != DispatchState.CANCELLED).toList();
            if (!open.isEmpty() && random.nextInt(2) == 0) {
                return guided(open.get(random.nextInt(open.size())));
            }
            long id = 1 + random.nextInt((int) Math.max(1, desk.nextId() - 1));
            Actor actor = CONSOLE[random.nextInt(CONSOLE.length)];
            Instant now = clock.instant();
            return switch (random.nextInt(16)) {
                case 0 -> new DeskEvent.CallArrived(DeskHarness.call("c" + desk.nextId()), DeskHarness.problem(),
                        Severity.P2);
                case 1, 2 -> new DeskEvent.Escalated(id, DeskHarness.SEAT, "on site", Tier.ON_SITE, site());
                case 3 -> field(new FieldEvent.Acknowledged(id, actor));
                case 4 -> field(new FieldEvent.EngineerAssigned(id, actor, pick(ENGINEERS),
                        random.nextBoolean() ? null : "reason"));
                case 5 -> field(new FieldEvent.AppointmentBooked(id, actor,
                        now.plus(Duration.ofMinutes(random.nextInt(300) - 60))));
                case 6, 7 -> field(new FieldEvent.CheckedIn(id, pick(PHONES),
                        random.nextInt(3) == 0 ? CheckInKind.DONE : CheckInKind.ARRIVE,
                        random.nextBoolean() ? "done" : null, "m" + random.nextInt(1_000_000),
                        now.plus(Duration.ofMinutes(random.nextInt(40) - 30))));
                case 8 -> field(new FieldEvent.CheckedIn(id, pick(PHONES), CheckInKind.DONE, "fixed",
                        "d" + random.nextInt(), now));
                case 9 -> field(new FieldEvent.FollowUpRecorded(id, actor, random.nextInt(4) == 0 ? null
                        : random.nextInt(7), "c", random.nextInt(3) == 0));
                case 10 -> field(new FieldEvent.PlacedByHand(id,
                        random.nextBoolean() ? DeskHarness.SUPERVISOR : actor, pick(BRANCHES),
                        random.nextInt(5) == 0 ? null : "by hand"));
                case 11 -> new DeskEvent.Resolved(id, DeskHarness.SEAT, "solved by phone");
                case 12 -> new DeskEvent.Closed(id, DeskHarness.SEAT, "closed");
                default -> new DeskEvent.Tick();
            };
        }

        /** The step that suits {@code dispatch}'s state, so that runs get to the end of the leg. */
        private DeskEvent guided(StoredDispatch dispatch) {
            long id = dispatch.workOrderId();
            Instant now = clock.instant();
            Actor manager = FieldLegHarness.MANAGER_SH;
            String branch = dispatch.branchCode();
            List<String> engineers = CONFIG.directory().engineers().stream()
                    .filter(e -> e.branchCode().equals(branch) && e.active()).map(e -> e.code()).toList();
            String mobile = CONFIG.directory().engineers().stream()
                    .filter(e -> e.code().equals(dispatch.engineerCode())).map(e -> e.mobile()).findFirst()
                    .orElse("+860");
            return switch (dispatch.state()) {
                case UNPLACED -> field(new FieldEvent.PlacedByHand(id, DeskHarness.SUPERVISOR, pick(BRANCHES),
                        "by hand"));
                case SENT -> field(new FieldEvent.Acknowledged(id, manager));
                case ACKNOWLEDGED, ASSIGNED -> engineers.isEmpty() || random.nextInt(4) == 0
                        ? field(new FieldEvent.AppointmentBooked(id, manager, now.plus(Duration.ofMinutes(
                                random.nextInt(120)))))
                        : field(new FieldEvent.EngineerAssigned(id, manager,
                                engineers.get(random.nextInt(engineers.size())), "swap"));
                case SCHEDULED, ON_SITE -> field(new FieldEvent.CheckedIn(id, mobile,
                        dispatch.state() == DispatchState.ON_SITE ? CheckInKind.DONE : CheckInKind.ARRIVE,
                        "note", "g" + random.nextInt(), now.minus(Duration.ofMinutes(random.nextInt(20)))));
                case COMPLETED -> field(new FieldEvent.FollowUpRecorded(id, manager,
                        random.nextInt(3) == 0 ? null : 1 + random.nextInt(5), "ok", random.nextInt(3) == 0));
                default -> new DeskEvent.Tick();
            };
        }

        private Site site() {
            int choice = random.nextInt(6);
            if (choice == 0) {
                return new Site("unknown place", null, null);
            }
            if (choice == 1) {
                return new Site("far north", new GeoPoint(45.75, 126.65), "north");
            }
            return new Site("Suzhou " + choice, new GeoPoint(31.2 + random.nextDouble() / 5,
                    120.5 + random.nextDouble() / 5), FieldFixtures.EAST);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static DeskEvent field(FieldEvent event) {
            return new DeskEvent.Field(event);
        }

        private void record(DeskCommand command) {
            store.accept(command);
            if (command instanceof DeskCommand.Refused) {
                coverage.merge("refused", 1, Integer::sum);
            }
            if (!(command instanceof DeskCommand.Field field)
                    || !(field.command() instanceof FieldCommand.DispatchChanged changed)) {
                return;
            }
            StoredDispatch dispatch = changed.dispatch();
            String step = changed.step().step();
            coverage.merge(step, 1, Integer::sum);
            long id = dispatch.workOrderId();
            int previous = lastStep.getOrDefault(id, 0);
            assertThat(changed.step().sequence()).as(this::failure).isEqualTo(previous + 1)
                    .isEqualTo(dispatch.steps());
            lastStep.put(id, changed.step().sequence());
            if (changed.step().actor().kind() == ActorKind.DESK) {
                String key = id + "/" + step + "/" + deadlineKey(dispatch, step);
                assertThat(fired.add(key)).as(() -> "fired twice: " + key + "\n" + failure()).isTrue();
            }
        }

        /** Which deadline a desk step fired: the leg that expired, the attempt that fell due, or the dispatch. */
        private static String deadlineKey(StoredDispatch dispatch, String step) {
            return switch (step) {
                case "REDISPATCHED" -> "leg " + (dispatch.legs().size() - 1);
                case "UNPLACED" -> "leg " + dispatch.legs().size();
                case "FOLLOW_UP_DUE" -> "attempt " + dispatch.followUp().attempts();
                default -> step;
            };
        }

        private void check() {
            List<StoredDispatch> held = desk.dispatches();
            assertThat(store.load().dispatches().stream().filter(d -> desk.workOrder(d.workOrderId()).isPresent())
                    .toList()).as(this::failure).isEqualTo(held);
            Instant now = clock.instant();
            for (StoredDispatch dispatch : held) {
                DispatchLeg leg = dispatch.currentLeg();
                if (dispatch.state() == DispatchState.SENT) {
                    assertThat(leg.ackDueAt()).as(this::failure).isAfter(now);
                }
                if (dispatch.state() == DispatchState.ACKNOWLEDGED && dispatch.engineerCode() == null) {
                    boolean assignFired = (dispatch.fired() & FieldDeadline.ASSIGN.bit()) != 0;
                    assertThat(assignFired || dispatch.assignDueAt().isAfter(now)).as(this::failure).isTrue();
                }
                if (dispatch.state() == DispatchState.COMPLETED
                        && (dispatch.fired() & FieldDeadline.FOLLOW_UP.bit()) == 0) {
                    assertThat(dispatch.followUp().dueAt()).as(this::failure).isAfter(now);
                }
                if (dispatch.state() == DispatchState.CLOSED) {
                    assertThat(dispatch.score()).as(this::failure).isNotNull();
                }
            }
        }
    }
}
