package io.hotline.app.simulate;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An Asterisk 22, simulated: runs calls through a {@link Dialplan} the way the PBX core does (find the extension,
 * run priorities, substitute variables, on hang-up run the {@code h} extension of the current context), rings
 * {@link SeatPhone}s it knows, and talks FastAGI to Hotline for every {@code AGI()}. Each call runs on its own
 * thread ({@link #call}). Time is virtual by default (tests compare ring and talk durations instead of waiting);
 * {@link #realTime} makes phones ring, people talk and callers wait on hold for as long as they say, and lets
 * another thread end ({@link SimulatedChannel#hangUpNow}) or move ({@link SimulatedChannel#redirect}) a channel
 * meanwhile, as AMI actions do. What happens is told to a {@link PbxListener}. Thread-safe: phones, globals and
 * channels are concurrent collections; a channel's dialplan state is touched only by its call's thread.
 */
public final class SimulatedAsterisk implements AutoCloseable {
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
    /** Patience timers of callers on hold; {@code null} in virtual time. */
    private final ScheduledExecutorService timers;
    private volatile PbxListener listener = PbxListener.NONE;
    private volatile Function<String, SeatPhone> phoneBook = phones::get;

    /** A PBX in virtual time running {@code dialplan} with its globals, {@code overrides} replacing some. */
    public SimulatedAsterisk(Dialplan dialplan, Map<String, String> overrides) {
        this(dialplan, overrides, false);
    }

    private SimulatedAsterisk(Dialplan dialplan, Map<String, String> overrides, boolean realTime) {
        this.dialplan = dialplan;
        globals.putAll(dialplan.globals());
        globals.putAll(overrides);
        this.timers = realTime ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pbx-timers");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /**
     * A PBX in real time (e.g. HOTLINE_AGI in {@code overrides}): phones ring and people talk and wait on hold for
     * the milliseconds their {@link SeatPhone} and {@link CallerPhone} say. {@link #close} stops its timers.
     */
    public static SimulatedAsterisk realTime(Dialplan dialplan, Map<String, String> overrides) {
        return new SimulatedAsterisk(dialplan, overrides, true);
    }

    /** Tells {@code pbxListener} what happens to channels from now on. */
    public void listen(PbxListener pbxListener) {
        this.listener = pbxListener;
    }

    /**
     * Where Dial finds the phone of an endpoint from now on, asked at every Dial (e.g. a seat whose answer delay and
     * talk time are drawn for each call); {@code null} for an endpoint that does not exist. Replaces
     * {@link #install}ed phones.
     */
    public void phoneBook(Function<String, SeatPhone> book) {
        this.phoneBook = book;
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
        channel.moveTo(context, exten, exten, 1);
        listener.channelCreated(channel);
        CompletableFuture<SimulatedChannel> finished = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                run(channel, person, context, exten);
                channel.doing("finished");
                finished.complete(channel);
            } catch (RuntimeException | Error e) {
                // The channel must not outlive its call: AMI would list it as live for ever.
                channel.hangUp("the simulation failed", 41);
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
        return phoneBook.apply(endpoint);
    }

    PbxListener listener() {
        return listener;
    }

    /** Whether phones ring and people talk in real time. */
    boolean isRealTime() {
        return timers != null;
    }

    /** The live channel named {@code name} (e.g. {@code PJSIP/1001-0000000b}), as AMI actions name channels. */
    public Optional<SimulatedChannel> liveChannel(String name) {
        return channels.stream().filter(channel -> channel.name().equals(name) && !channel.isHungUp()).findFirst();
    }

    /** Every channel not hung up yet, oldest first (AMI's CoreShowChannels). */
    public List<SimulatedChannel> liveChannels() {
        return channels.stream().filter(channel -> !channel.isHungUp()).toList();
    }

    /**
     * Lets {@code millis} pass on the calling call's thread, unless one of {@code watched} hangs up or is redirected
     * first; returns whether one did. In virtual time no time passes: it only says whether one has already.
     */
    boolean pause(long millis, SimulatedChannel... watched) {
        if (timers == null) {
            return anyEnded(watched);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(millis, Long.MAX_VALUE / 2_000_000));
        while (!anyEnded(watched)) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            // Each channel wakes its own waiter; the slice bounds how late a change of another one is noticed.
            if (watched[0].awaitEnd(Math.min(left, 50)) && Thread.currentThread().isInterrupted()) {
                return true;
            }
        }
        return true;
    }

    private static boolean anyEnded(SimulatedChannel... watched) {
        for (SimulatedChannel channel : watched) {
            if (channel.isHungUp() || channel.isRedirected()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The person on {@code channel} hangs up after {@code patienceMillis} of this hold (real time), unless the music
     * stopped meanwhile; in virtual time only a patience of 0 (at once) is honoured, by the caller.
     */
    void holdPatience(SimulatedChannel channel, long patienceMillis) {
        if (timers == null || patienceMillis == CallerPhone.FOREVER) {
            return;
        }
        int hold = channel.holdNumber();
        timers.schedule(() -> {
            if (channel.isOnHold() && channel.holdNumber() == hold) {
                channel.hangUpNow();
            }
        }, patienceMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the patience timers (calls in progress are not ended: hang them up first). */
    @Override
    public void close() {
        if (timers != null) {
            timers.shutdownNow();
        }
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
        channel.observedBy(listener);
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
            SimulatedChannel.Redirect redirect = channel.isHungUp() ? null : channel.takeRedirect();
            if (redirect != null) {
                // An AMI Redirect: the application (AGI, Dial) was left; the channel goes on at the target.
                jump(channel, redirect);
                continue;
            }
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

    private void jump(SimulatedChannel channel, SimulatedChannel.Redirect redirect) {
        Optional<Dialplan.Match> target = dialplan.match(redirect.context(), redirect.exten());
        if (target.isEmpty()) {
            channel.hangUp("redirected to nowhere");
            return;
        }
        channel.moveTo(target.get().context(), target.get().extension(), redirect.exten(), 1);
    }

    /** Whether {@code context,exten,1} exists (AMI Redirect refuses a target that does not). */
    public boolean hasExtension(String context, String exten) {
        return dialplan.match(context, exten).isPresent();
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
