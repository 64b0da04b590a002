package io.hotline.routing.engine;

import io.hotline.routing.engine.EngineModel.Call;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one random script against a fresh engine in a {@link RandomWorld}, checking the invariants after every
 * event, and stops at the first event that breaks one. A script is a list of {@link Action}s that are resolved
 * against what the run has seen so far, so that most answers and declines name a real ringing offer and most
 * hang-ups a live call, while the rest name bogus ids on purpose.
 * <p>
 * One per run, confined to the test thread.
 */
final class ScriptRunner {
    /** A seat id that is never configured. */
    static final String NOBODY = "nobody";
    /** A seat id configured only by a random {@code SeatConfigured} during the script. */
    static final String LATE = "late";

    private static final String[] CONTRACTS = {"BASIC", "STANDARD", "PREMIUM", null, "GOLD"};
    private static final String[] REASONS = {"break", "lunch", "training"};
    private static final DeviceState[] DEVICES = {DeviceState.NOT_IN_USE, DeviceState.NOT_IN_USE,
        DeviceState.NOT_IN_USE, DeviceState.IN_USE, DeviceState.IN_USE, DeviceState.UNAVAILABLE,
        DeviceState.UNAVAILABLE, DeviceState.RINGING, DeviceState.UNKNOWN};

    /**
     * One scripted step, resolved when it runs.
     *
     * @param kind   0-99: which event, by weight (0-17 is a clock advance, the most harmless, so shrinking
     *               towards 0 keeps scripts simple)
     * @param pick   which seat, call or offer it names
     * @param detail seeds the rest (queue, skills, priority, reason, duration)
     */
    record Action(int kind, int pick, int detail) {
    }

    /**
     * One applied event, kept as objects and formatted only when a report is needed.
     *
     * @param atMs     the engine clock when it was applied
     * @param event    the event
     * @param commands the commands it caused, in order
     */
    record Applied(long atMs, RoutingEvent event, List<RoutingCommand> commands) {
    }

    /**
     * What a run found.
     *
     * @param violations the invariants broken by the last event applied (empty when the script ran through)
     * @param trace      every event applied, with the engine time and the commands it caused
     * @param figures    what happened, for coverage statistics
     */
    record Outcome(List<String> violations, List<Applied> trace, EngineObserver.RunFigures figures) {
    }

    private final RandomWorld world;
    private final ManualClock clock;
    private final RoutingEngine engine;
    private final EngineModel model;
    private final EngineObserver observer;
    private final InvariantChecks checks = new InvariantChecks();
    private final List<String> violations = new ArrayList<>();
    private final List<Applied> trace = new ArrayList<>();
    private final EngineObserver.RunFigures figures = new EngineObserver.RunFigures();
    private final List<String> seatIds = new ArrayList<>();
    private final List<String> queueNames;
    private int nextCall;

    ScriptRunner(RandomWorld world) {
        this.world = world;
        this.clock = new ManualClock(world.start());
        this.engine = new RoutingEngine(world.config(), clock);
        this.model = new EngineModel(world.config());
        this.observer = new EngineObserver(model, violations, figures);
        world.seats().forEach(seat -> seatIds.add(seat.seatId()));
        seatIds.add(LATE);
        seatIds.add(NOBODY);
        queueNames = List.copyOf(world.config().queues().keySet());
    }

    /** Sets the world up, then runs the script until its end or the first broken invariant. */
    Outcome run(List<Action> script) {
        List<RoutingEvent> setup = new ArrayList<>();
        world.seats().forEach(seat -> setup.add(new RoutingEvent.SeatConfigured(seat)));
        world.loggedIn().forEach(seat -> setup.add(new RoutingEvent.SeatLoggedIn(seat)));
        for (RoutingEvent event : setup) {
            if (!applyChecked(event)) {
                return outcome();
            }
        }
        for (Action action : script) {
            if (!applyChecked(resolve(action))) {
                break;
            }
        }
        return outcome();
    }

    private Outcome outcome() {
        return new Outcome(List.copyOf(violations), List.copyOf(trace), figures);
    }

    private boolean applyChecked(RoutingEvent event) {
        long now = clock.millis();
        List<RoutingCommand> commands = new ArrayList<>();
        observer.before(event, now);
        trace.add(new Applied(now, event, commands));
        try {
            engine.apply(event, command -> {
                commands.add(command);
                observer.onCommand(command);
            });
        } catch (RuntimeException e) {
            StringBuilder stack = new StringBuilder(e.toString());
            for (StackTraceElement frame : e.getStackTrace()) {
                stack.append("\n      at ").append(frame);
            }
            violations.add("the engine threw on " + event + ": " + stack);
            return false;
        }
        observer.after();
        checks.check(engine, model, observer.joined(), violations);
        return violations.isEmpty();
    }

    private RoutingEvent resolve(Action action) {
        SplittableRandom random = new SplittableRandom(action.detail() * 0x9E3779B97F4A7C15L + action.kind());
        int kind = action.kind();
        int pick = action.pick();
        if (kind < 18) {
            clock.advance(Duration.ofMillis(random.nextBoolean() ? random.nextInt(3_001) : random.nextInt(90_001)));
            return new RoutingEvent.Tick();
        } else if (kind < 34) {
            return arrival(pick, random);
        } else if (kind < 46) {
            return answerOrDecline(pick, random, true);
        } else if (kind < 52) {
            return answerOrDecline(pick, random, false);
        } else if (kind < 58) {
            return new RoutingEvent.CallHungUp(anyCall(pick, random, null));
        } else if (kind < 66) {
            return new RoutingEvent.CallEnded(anyCall(pick, random, CallPhase.CONNECTED));
        } else if (kind < 70) {
            return escalation(pick, random);
        }
        String seat = seatIds.get(pick % seatIds.size());
        if (kind < 75) {
            return new RoutingEvent.SeatLoggedIn(seat);
        } else if (kind < 79) {
            return new RoutingEvent.SeatLoggedOut(seat);
        } else if (kind < 84) {
            return new RoutingEvent.SeatReady(seat);
        } else if (kind < 88) {
            return new RoutingEvent.SeatNotReady(seat, REASONS[random.nextInt(REASONS.length)]);
        } else if (kind < 95) {
            return new RoutingEvent.DeviceStateChanged(seat, DEVICES[random.nextInt(DEVICES.length)]);
        }
        String configured = seatIds.get(pick % (seatIds.size() - 1));
        SeatProfile profile = RandomWorld.randomProfile(configured, world.skills(), random);
        return new RoutingEvent.SeatConfigured(profile);
    }

    private RoutingEvent arrival(int pick, SplittableRandom random) {
        String id = random.nextInt(10) == 0 && !model.sent.isEmpty()
                ? new ArrayList<>(model.sent).get(pick % model.sent.size()) : "c" + nextCall++;
        String queue = random.nextInt(8) == 0 ? "nowhere" : queueNames.get(pick % queueNames.size());
        List<SkillRequirement> requirements = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String skill = random.nextInt(12) == 0 ? "RARE" : world.skills().get(random.nextInt(world.skills().size()));
            requirements.add(new SkillRequirement(skill, 1 + random.nextInt(5)));
        }
        CallPriority priority = new CallPriority(Severity.values()[random.nextInt(Severity.values().length)],
                random.nextInt(5) == 0, CONTRACTS[random.nextInt(CONTRACTS.length)]);
        String owner = random.nextInt(4) == 0 ? seatIds.get(random.nextInt(seatIds.size())) : null;
        Long workOrder = owner == null ? null : Long.valueOf(1 + random.nextInt(1000));
        return new RoutingEvent.CallArrived(id, queue, requirements, priority, owner, workOrder);
    }

    /** Mostly for a real ringing offer; one in ten names ids picked at random. */
    private RoutingEvent answerOrDecline(int pick, SplittableRandom random, boolean answer) {
        List<Call> ringing = model.callsIn(CallPhase.OFFERED);
        String callId;
        String seatId;
        if (ringing.isEmpty() || random.nextInt(10) == 0) {
            callId = anyCall(pick, random, null);
            seatId = seatIds.get(random.nextInt(seatIds.size()));
        } else {
            Call call = ringing.get(pick % ringing.size());
            callId = call.id;
            seatId = call.seatId;
        }
        if (answer) {
            return new RoutingEvent.OfferAnswered(callId, seatId);
        }
        DeclineReason reason = DeclineReason.values()[random.nextInt(DeclineReason.values().length)];
        return new RoutingEvent.OfferDeclined(callId, seatId, reason);
    }

    /** Mostly a connected call by its own seat, to a configured queue; sometimes anything. */
    private RoutingEvent escalation(int pick, SplittableRandom random) {
        List<Call> connected = model.callsIn(CallPhase.CONNECTED);
        String target = random.nextInt(6) == 0 ? "nowhere" : queueNames.get(random.nextInt(queueNames.size()));
        if (connected.isEmpty() || random.nextInt(10) == 0) {
            return new RoutingEvent.EscalationRequested(anyCall(pick, random, null),
                    seatIds.get(random.nextInt(seatIds.size())), target, "random");
        }
        Call call = connected.get(pick % connected.size());
        return new RoutingEvent.EscalationRequested(call.id, call.seatId, target, "needs " + target);
    }

    /** A live call, preferably in {@code phase}; sometimes any id ever sent, or one never sent. */
    private String anyCall(int pick, SplittableRandom random, CallPhase phase) {
        List<Call> preferred = phase == null ? List.copyOf(model.calls.values()) : model.callsIn(phase);
        int roll = random.nextInt(20);
        if (roll == 0 || model.sent.isEmpty()) {
            return "bogus";
        } else if (roll < 4 || model.calls.isEmpty()) {
            return new ArrayList<>(model.sent).get(pick % model.sent.size());
        } else if (preferred.isEmpty()) {
            return new ArrayList<>(model.calls.keySet()).get(pick % model.calls.size());
        }
        return preferred.get(pick % preferred.size()).id;
    }

    /** The world, the violations and the whole trace: the failing prefix of the script. */
    String report(Outcome outcome) {
        StringBuilder text = new StringBuilder(world.describe()).append("\nviolations:");
        outcome.violations().forEach(violation -> text.append("\n  ").append(violation));
        text.append("\nevents up to the failure (").append(outcome.trace().size()).append("):");
        for (Applied applied : outcome.trace()) {
            text.append(String.format("%n%9.3f s  ", (applied.atMs() - world.start().toEpochMilli()) / 1000.0))
                    .append(applied.event());
            applied.commands().forEach(command -> text.append("\n             -> ").append(command));
        }
        return text.toString();
    }
}
