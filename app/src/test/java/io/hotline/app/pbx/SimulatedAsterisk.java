package io.hotline.app.pbx;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An Asterisk 22 for tests: runs calls through a {@link Dialplan} the way the PBX core does (find the extension,
 * run priorities, substitute variables, on hang-up run the {@code h} extension of the current context), rings
 * {@link SeatPhone}s it knows, and talks FastAGI to Hotline for every {@code AGI()}. Each call runs on its own
 * thread ({@link #call}). Thread-safe: phones, globals and channels are concurrent collections; a channel's
 * dialplan state is touched only by its call's thread.
 */
public final class SimulatedAsterisk {
    /** More steps than any flow of Hotline's dialplan takes: a call past this is looping. */
    private static final int MAX_STEPS = 500;
    private final Dialplan dialplan;
    private final Map<String, String> globals = new ConcurrentHashMap<>();
    private final Substitution substitution = new Substitution(globals);
    private final Applications applications = new Applications(this);
    private final Map<String, SeatPhone> phones = new ConcurrentHashMap<>();
    private final List<SimulatedChannel> channels = new CopyOnWriteArrayList<>();
    private final Set<String> prompts = ConcurrentHashMap.newKeySet();
    /** Channel numbers, unique in the JVM so that every call has its own linkedid (and work order). */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(9);
    private final long epochSecond = System.currentTimeMillis() / 1000;
    private volatile Consumer<String> dialling = target -> { };
    private final List<Function<SimulatedChannel, String>> reporters = new CopyOnWriteArrayList<>();

    /** A PBX running {@code dialplan} with its globals, {@code overrides} replacing some (e.g. HOTLINE_AGI). */
    public SimulatedAsterisk(Dialplan dialplan, Map<String, String> overrides) {
        this.dialplan = dialplan;
        globals.putAll(dialplan.globals());
        globals.putAll(overrides);
    }

    /** Changes a global variable, as {@code Set(GLOBAL(name)=value)} or a reload would. */
    public void global(String name, String value) {
        globals.put(name, value);
    }

    /** Registers a seat's phone: Dial can ring its endpoint. */
    public void install(SeatPhone phone) {
        phones.put(phone.endpoint(), phone);
    }

    /** The sound files installed; a prompt not among them is "missing" (STREAM FILE result -1). */
    public void installPrompts(Collection<String> files) {
        prompts.addAll(files);
    }

    /**
     * Runs {@code listener} with the target each time Dial starts ringing, on the call's thread: lets a test change
     * the world between a route session and the dial's re-entry (e.g. Hotline becoming unreachable).
     */
    public void whenDialling(Consumer<String> listener) {
        dialling = listener;
    }

    /** Places a call from {@code person} to {@code exten} in {@code context}; runs it on its own thread. */
    public Call call(CallerPhone person, String context, String exten) {
        SimulatedChannel channel = newChannel(person.endpoint(), person.number(), person.displayName(), exten, null);
        CompletableFuture<SimulatedChannel> finished = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                run(channel, person, context, exten);
                channel.doing("finished");
                finished.complete(channel);
            } catch (RuntimeException | Error e) {
                finished.completeExceptionally(e);
            }
        }, "pbx-" + channel.name());
        thread.setDaemon(true);
        thread.start();
        return new Call(channel, finished, () -> report(channel, thread));
    }

    /**
     * Adds {@code state} to the report of a call that does not finish in time ({@link Call#finishedWithin}), e.g.
     * what Hotline's routing engine thinks of it.
     */
    public void alsoReport(Function<SimulatedChannel, String> state) {
        reporters.add(state);
    }

    /** What the call on {@code channel} is doing: every channel of the call, the call's thread, what tests added. */
    private String report(SimulatedChannel channel, Thread thread) {
        StringBuilder report = new StringBuilder();
        for (SimulatedChannel each : channels) {
            if (each.linkedId().equals(channel.linkedId())) {
                report.append(each.describe()).append('\n');
            }
        }
        report.append("thread ").append(thread.getName()).append(" (").append(thread.getState()).append(')');
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            report.append("\n    at ").append(stack[i]);
        }
        for (Function<SimulatedChannel, String> reporter : reporters) {
            report.append('\n').append(reporter.apply(channel));
        }
        return report.toString();
    }

    /** Every channel created so far on {@code endpoint} (e.g. the seat legs Dial created), oldest first. */
    public List<SimulatedChannel> channelsOf(String endpoint) {
        return channels.stream().filter(channel -> channel.name().startsWith(endpoint + "-")).toList();
    }

    Dialplan dialplan() {
        return dialplan;
    }

    Substitution substitution() {
        return substitution;
    }

    void dialling(String target) {
        dialling.accept(target);
    }

    SeatPhone phone(String endpoint) {
        return phones.get(endpoint);
    }

    boolean hasPrompt(String file) {
        return prompts.isEmpty() || prompts.contains(file);
    }

    /** A new channel on {@code endpoint}; its linkedid is its own uniqueid unless it is a leg of another call. */
    SimulatedChannel newChannel(String endpoint, String number, String name, String dialled, String linkedId) {
        int id = SEQUENCE.incrementAndGet();
        String uniqueId = epochSecond + "." + id;
        SimulatedChannel channel = new SimulatedChannel(endpoint + "-" + String.format("%08x", id), uniqueId,
                linkedId == null ? uniqueId : linkedId, number, name, dialled);
        channels.add(channel);
        return channel;
    }

    private void run(SimulatedChannel channel, CallerPhone person, String context, String exten) {
        Optional<Dialplan.Match> match = dialplan.match(context, exten);
        if (match.isEmpty()) {
            channel.hangUp("SIP 404 Not Found");
            return;
        }
        channel.moveTo(match.get().context(), match.get().extension(), exten, 1);
        execute(channel, person, false);
        if (!channel.isHungUp()) {
            // Off the end of the extension: Asterisk hangs the channel up.
            channel.hangUp(channel.isUp() ? "BYE from the PBX" : "SIP 603 Decline");
        }
        Optional<Dialplan.Match> h = dialplan.match(channel.context(), "h");
        if (h.isPresent()) {
            channel.moveTo(h.get().context(), h.get().extension(), "h", 1);
            execute(channel, person, true);
        }
    }

    /**
     * Runs {@code exten} of {@code context} from priority 1 on an existing channel, on the calling thread, e.g. a
     * dead channel's h extension once more after Hotline is reachable again.
     */
    public void runOn(SimulatedChannel channel, CallerPhone person, String context, String exten) {
        Dialplan.Match match = dialplan.match(context, exten)
                .orElseThrow(() -> new IllegalArgumentException("no " + exten + " in " + context));
        channel.moveTo(match.context(), match.extension(), exten, 1);
        execute(channel, person, channel.isHungUp());
    }

    /** Runs {@code context,s,1} on {@code channel} as a subroutine with ARGn (Dial's U option) until Return(). */
    void runSubroutine(SimulatedChannel channel, String context, List<String> arguments) {
        channel.frames().push(new SimulatedChannel.Frame(null, null, null, 0,
                Applications.setArguments(channel, arguments)));
        Dialplan.Match start = dialplan.match(context, "s")
                .orElseThrow(() -> new IllegalArgumentException("no s extension in " + context));
        channel.moveTo(start.context(), start.extension(), "s", 1);
        execute(channel, null, false);
    }

    /** Runs priorities from where the channel is until it hangs up, runs off the end or returns. */
    private void execute(SimulatedChannel channel, CallerPhone person, boolean inHangupExtension) {
        int budget = MAX_STEPS;
        while (inHangupExtension || !channel.isHungUp()) {
            if (--budget < 0) {
                throw new IllegalStateException("dialplan loop: " + channel + " ran " + MAX_STEPS + " steps, last "
                        + channel.steps().subList(channel.steps().size() - 5, channel.steps().size()));
            }
            Dialplan.Match at = new Dialplan.Match(channel.context(), channel.extension());
            Optional<DialplanStep> step = dialplan.step(at, channel.priority());
            if (step.isEmpty()) {
                return;
            }
            String data = substitution.expand(step.get().data(), channel);
            channel.experiencedStep(step.get(), data);
            channel.doing("running " + step.get().context() + "," + step.get().extension() + ","
                    + step.get().priority() + ": " + step.get().application() + "(" + data + ")");
            Applications.Outcome outcome = applications.run(step.get().application(), data, channel, person);
            switch (outcome) {
                case NEXT -> channel.moveTo(channel.priority() + 1);
                case JUMPED -> {
                    // the application moved the channel
                }
                default -> {
                    if (!inHangupExtension || outcome == Applications.Outcome.RETURNED
                            || "Hangup".equals(step.get().application())) {
                        return;
                    }
                    channel.moveTo(channel.priority() + 1);
                }
            }
        }
    }

    /**
     * A call placed with {@link #call}: its channel, and a future that completes when the dialplan is done with it
     * (including the h extension), or fails with what went wrong in the simulation. Thread-safe.
     */
    public static final class Call {
        private final SimulatedChannel channel;
        private final CompletableFuture<SimulatedChannel> finished;
        private final Supplier<String> report;

        Call(SimulatedChannel channel, CompletableFuture<SimulatedChannel> finished, Supplier<String> report) {
            this.channel = channel;
            this.finished = finished;
            this.report = report;
        }

        /** The calling channel. */
        public SimulatedChannel channel() {
            return channel;
        }

        /** Completes with the channel when the call is over. */
        public CompletableFuture<SimulatedChannel> finished() {
            return finished;
        }

        /**
         * The channel once the call is over; a call still going after {@code timeout} fails the test with what it is
         * waiting for: each of its channels' activity, experience, steps and AGI commands, the call thread's stack,
         * and what tests added with {@link #alsoReport}.
         */
        public SimulatedChannel finishedWithin(Duration timeout) throws InterruptedException, ExecutionException {
            try {
                return finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the call of " + channel + " did not finish within " + timeout + ":\n"
                        + report.get(), e);
            }
        }
    }
}
