package io.hotline.app.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code hotline simulate}: a PBX played against a running Hotline over the real protocols. A
 * {@link SimulatedAsterisk} in real time follows the dialplan file step by step and talks FastAGI to Hotline's
 * AGI port; a {@link ManagerServer} is the Asterisk Manager Interface Hotline logs in to; {@link SimulatedSeats}
 * log in from their keypads and take calls; {@link CallerArrivals} places callers at random times. Everything it
 * knows of Hotline is what Hotline answers over those protocols. Prints one line per event ({@link Narrator}) and
 * a summary ({@link Tally}). Bounded: callers arrive for {@link SimulationSettings.Load#duration()} (at most
 * {@code maxCallers}), calls still going after the drain time are hung up, the seats log out. One run per instance;
 * runs on the calling thread, calls on their own threads.
 */
public final class Simulation {
    private static final long AGI_WAIT_MILLIS = 120_000;
    private static final long AMI_WAIT_MILLIS = 35_000;
    private final SimulationSettings settings;
    private final PrintStream out;
    private final Tally tally = new Tally();
    private final Narrator narrator;
    private final Set<String> cut = ConcurrentHashMap.newKeySet();

    /** A simulation of {@code settings} printing to {@code out}. */
    public Simulation(SimulationSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.narrator = new Narrator(out, tally);
    }

    /**
     * Runs the simulation to its end; {@code false} when it could not start (Hotline unreachable, no seat logged
     * in), said in one line.
     */
    public boolean run() throws IOException, InterruptedException {
        Dialplan dialplan = Dialplan.load(settings.dialplan());
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulation-timers");
            thread.setDaemon(true);
            return thread;
        });
        try (SimulatedAsterisk pbx = SimulatedAsterisk.realTime(dialplan, Map.of("HOTLINE_AGI", settings.agiUrl()));
             ManagerServer ami = startAmi(pbx)) {
            // Callers and seats draw from their own generators: the same seed plays the same callers.
            Random random = new Random(settings.load().seed());
            SimulatedSeats seats = new SimulatedSeats(pbx, settings.people(), narrator, tally,
                    new Random(settings.load().seed() + 1), timers);
            pbx.listen(listeners(ami == null ? PbxListener.NONE : ami.channelEvents(), narrator, seats));
            pbx.phoneBook(seats::phone);
            if (!awaitHotline(ami)) {
                return false;
            }
            if (ami != null) {
                settings.seats().forEach(ami::register);
            }
            if (seats.logIn(settings.seats()) == 0) {
                out.println("hotline simulate: no seat phone could log in: are " + settings.seats()
                        + " seats in Hotline's database (./hotline seed --demo)?");
                return false;
            }
            List<SimulatedAsterisk.Call> calls = new CallerArrivals(pbx, settings, random, narrator).play(this::done);
            drain(calls);
            seats.logOut();
            tally.print(out, ami);
            return true;
        } finally {
            timers.shutdownNow();
        }
    }

    private ManagerServer startAmi(SimulatedAsterisk pbx) throws IOException {
        SimulationSettings.AmiSettings ami = settings.ami();
        if (ami == null) {
            narrator.say("AMI: not simulated (Hotline's HOTLINE_AMI_HOST is unset): FastAGI only");
            return null;
        }
        try {
            ManagerServer server = ManagerServer.start(ami.host(), ami.port(), pbx,
                    new ManagerServer.Credentials(ami.username(), ami.secret()));
            server.onNotice(narrator::say);
            narrator.say("AMI: listening on " + ami.host() + ":" + server.port() + " as Asterisk would, for user "
                    + ami.username() + (ami.secret().isEmpty() ? " (any secret)" : ""));
            return server;
        } catch (IOException e) {
            throw new IOException("cannot listen for AMI on " + ami.host() + ":" + ami.port() + " (" + e.getMessage()
                    + "): is an Asterisk or another simulation using it?", e);
        }
    }

    /** Waits for Hotline's FastAGI port, then (briefly) for its AMI login. */
    private boolean awaitHotline(ManagerServer ami) throws InterruptedException {
        URI agi = URI.create(settings.agiUrl());
        int port = agi.getPort() < 0 ? 4573 : agi.getPort();
        narrator.say("waiting for Hotline's FastAGI server at " + agi.getHost() + ":" + port);
        long deadline = System.currentTimeMillis() + AGI_WAIT_MILLIS;
        while (!reachable(agi.getHost(), port)) {
            if (System.currentTimeMillis() > deadline) {
                out.println("hotline simulate: Hotline's FastAGI server at " + agi.getHost() + ":" + port
                        + " did not answer within " + AGI_WAIT_MILLIS / 1000 + " s: start it with ./hotline run");
                return false;
            }
            Thread.sleep(500);
        }
        if (ami != null && ami.logins() == 0) {
            narrator.say("waiting for Hotline to log in over AMI (it retries at most every 30 s)");
            long amiDeadline = System.currentTimeMillis() + AMI_WAIT_MILLIS;
            while (ami.logins() == 0 && System.currentTimeMillis() < amiDeadline) {
                Thread.sleep(200);
            }
            if (ami.logins() == 0) {
                narrator.say("Hotline has not logged in over AMI yet: going on; it catches up when it does");
            }
        }
        return true;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the calls in progress, at most the drain time; hangs up the rest and waits for their end. */
    private void drain(List<SimulatedAsterisk.Call> calls) throws InterruptedException {
        long deadline = System.currentTimeMillis() + settings.load().drain().toMillis();
        List<SimulatedAsterisk.Call> going = new ArrayList<>(calls);
        going.removeIf(call -> call.finished().isDone());
        if (!going.isEmpty()) {
            narrator.say("no more callers; waiting for the " + going.size() + " call(s) in progress");
        }
        for (SimulatedAsterisk.Call call : going) {
            waitFor(call, deadline - System.currentTimeMillis());
        }
        going.removeIf(call -> call.finished().isDone());
        for (SimulatedAsterisk.Call call : going) {
            cut.add(call.channel().linkedId());
            call.channel().hangUpNow();
        }
        for (SimulatedAsterisk.Call call : going) {
            waitFor(call, 15_000);
        }
    }

    private static void waitFor(SimulatedAsterisk.Call call, long millis) throws InterruptedException {
        try {
            call.finished().get(Math.max(1, millis), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // reported by done(), or cut
        }
    }

    /** A caller's call is over: its outcome line and count. */
    private void done(SimulatedChannel channel, Throwable failure) {
        long took = narrator.finished(channel.linkedId());
        String who = "caller " + channel.callerNumber();
        if (failure != null) {
            tally.ended(Tally.Outcome.OTHER, null);
            narrator.say(who + ": the simulation failed: " + failure.getMessage());
            return;
        }
        CallOutcome outcome = CallOutcome.of(channel, cut.contains(channel.linkedId()));
        tally.ended(outcome.outcome(), outcome.score());
        narrator.say(who + " " + outcome.describe(took));
    }

    private static PbxListener listeners(PbxListener... all) {
        return new CompositeListener(List.of(all));
    }
}
