package io.hotline.app.simulate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated Asterisk channel: its name, ids and caller id as the {@code agi_*} environment shows them, its
 * channel variables (with {@code _}/{@code __} inheritance into channels it dials), where it is in the dialplan,
 * its Gosub stack, and what the person on it experienced ({@link #experience()}: "answered", "heard beep",
 * "SIP 404"...). The dialplan runs on one thread per call; the test thread reads the experience and may hang the
 * channel up ({@link #hangUpNow()}), so the shared parts are concurrent collections and volatile fields.
 */
public final class SimulatedChannel {
    private final String name;
    private final String uniqueId;
    private final String linkedId;
    private final String callerNumber;
    private final String callerName;
    private final String dialledNumber;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final Map<String, Integer> inheritance = new ConcurrentHashMap<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<String> experience = new CopyOnWriteArrayList<>();
    private final List<String> agiCommands = new CopyOnWriteArrayList<>();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private volatile PbxListener listener = PbxListener.NONE;
    private volatile boolean up;
    private volatile boolean hungUp;
    private volatile boolean onHold;
    private volatile int holdNumber;
    private volatile Redirect redirect;
    private volatile AgiLeg activeLeg;
    private volatile String activity = "created";
    private String context;
    private String extension;
    private String exten;
    private int priority;

    SimulatedChannel(String name, String uniqueId, String linkedId, String callerNumber, String callerName,
                     String dialledNumber) {
        this.name = name;
        this.uniqueId = uniqueId;
        this.linkedId = linkedId;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.dialledNumber = dialledNumber;
    }

    /** The channel name, e.g. {@code PJSIP/carrier-0000000a}. */
    public String name() {
        return name;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String linkedId() {
        return linkedId;
    }

    /** The caller id number. */
    public String callerNumber() {
        return callerNumber;
    }

    /** The caller id name. */
    public String callerName() {
        return callerName;
    }

    /** The dialled number (agi_dnid), or {@code null} (a leg Dial created). */
    public String dialledNumber() {
        return dialledNumber;
    }

    /** A channel variable, or {@code null} when unset. */
    public String variable(String variable) {
        return variables.get(variable);
    }

    /** Sets a variable as {@code Set()} does: a leading {@code _} or {@code __} makes it inherited; empty unsets. */
    void set(String variable, String value) {
        int level = variable.startsWith("__") ? 2 : variable.startsWith("_") ? 1 : 0;
        String plain = variable.substring(level);
        if (value == null || value.isEmpty()) {
            variables.remove(plain);
            inheritance.remove(plain);
            return;
        }
        variables.put(plain, value);
        if (level > 0) {
            inheritance.put(plain, level);
        }
    }

    /** Copies the inherited variables into {@code child}, a channel this one dials. */
    void inheritInto(SimulatedChannel child) {
        inheritance.forEach((variable, level) -> child.set(level == 2 ? "__" + variable : variable,
                variables.get(variable)));
    }

    /** What the person on this channel experienced, in order. */
    public List<String> experience() {
        return List.copyOf(experience);
    }

    /** Every AGI command Hotline sent on this channel, in order, over all its AGI sessions. */
    public List<String> agiCommands() {
        return List.copyOf(agiCommands);
    }

    /**
     * Every dialplan step the channel ran, in order, with its substituted data:
     * {@code hotline-inbound,_+X.,4: AGI(agi://127.0.0.1:4573/route?dnis=%2B864008001234)}.
     */
    public List<String> steps() {
        return List.copyOf(steps);
    }

    void experiencedStep(DialplanStep step, String data) {
        steps.add(step.context() + "," + step.extension() + "," + step.priority() + ": " + step.application() + "("
                + data + ")");
    }

    /** What the PBX is doing with the channel right now, e.g. waiting for Hotline's next AGI command. */
    String activity() {
        return activity;
    }

    void doing(String what) {
        activity = what;
    }

    /**
     * The channel's state for a failure message: what it is doing, what its person experienced, the dialplan steps
     * it ran and the AGI commands Hotline sent on it.
     */
    String describe() {
        return name + " (linkedid " + linkedId + (hungUp ? ", hung up" : up ? ", up" : "") + ")\n  doing: " + activity
                + "\n  experience: " + experience + "\n  steps: " + String.join("\n         ", steps)
                + "\n  AGI commands: " + agiCommands;
    }

    void experienced(String what) {
        experience.add(what);
    }

    void agiCommand(String command) {
        agiCommands.add(command);
    }

    /** Whether the channel is answered. */
    public boolean isUp() {
        return up;
    }

    /** Answers the channel (200 OK to the phone's INVITE). */
    void answer() {
        if (!up && !hungUp) {
            up = true;
            experienced("answered");
            listener.channelUp(this);
        }
    }

    /** Tells {@code pbxListener} about this channel from now on (set once, before the channel is used). */
    void observedBy(PbxListener pbxListener) {
        this.listener = pbxListener;
    }

    PbxListener listener() {
        return listener;
    }

    /** Whether the person hears music on hold (Hotline's SET MUSIC ON, until OFF or the AGI session ends). */
    boolean isOnHold() {
        return onHold;
    }

    void onHold(boolean holding) {
        if (holding && !onHold) {
            holdNumber++;
        }
        onHold = holding;
    }

    /** How many holds the channel has begun: tells a patience timer whether its hold is still the current one. */
    int holdNumber() {
        return holdNumber;
    }

    /** Whether the channel is hung up. */
    public boolean isHungUp() {
        return hungUp;
    }

    /** Ends the channel with normal clearing; {@code how} is what the phone saw ("BYE from the PBX", "hung up"...). */
    void hangUp(String how) {
        hangUp(how, 16);
    }

    /** Ends the channel with the Q.850 {@code cause}; {@code how} is what the phone saw. */
    void hangUp(String how, int cause) {
        synchronized (signal) {
            if (hungUp) {
                return;
            }
            hungUp = true;
            onHold = false;
            experienced(how);
            signal.notifyAll();
        }
        listener.channelHungUp(this, cause);
    }

    /**
     * Waits up to {@code millis} (real time) for the channel to hang up or be redirected; returns whether it did.
     * An interrupt counts as a hang-up of the simulation: the flag is restored and {@code true} returned.
     */
    boolean awaitEnd(long millis) {
        long deadline = System.nanoTime() + Math.max(0, millis) * 1_000_000L;
        synchronized (signal) {
            while (!hungUp && redirect == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return true;
        }
    }

    /**
     * Moves the channel to {@code context,exten,1} as AMI's {@code Redirect} does: an AGI session in progress gets
     * its {@code HANGUP} line and the channel goes on at the target once Hotline closes the session (recording 20);
     * a bridged caller leaves the bridge (the seat's leg ends). Returns {@code false} when the channel is gone.
     */
    public boolean redirect(String context, String exten) {
        synchronized (signal) {
            if (hungUp) {
                return false;
            }
            redirect = new Redirect(context, exten);
            signal.notifyAll();
        }
        experienced("redirected to " + context + "," + exten + ",1");
        AgiLeg leg = activeLeg;
        if (leg != null) {
            leg.sendHangup();
        }
        return true;
    }

    /** Whether a redirect waits to be carried out. */
    boolean isRedirected() {
        return redirect != null;
    }

    /** The pending redirect, taken (so carried out once), or {@code null}. */
    Redirect takeRedirect() {
        synchronized (signal) {
            Redirect pending = redirect;
            redirect = null;
            return pending;
        }
    }

    /**
     * Where an AMI Redirect sends the channel.
     *
     * @param context the target context
     * @param exten   the target extension (priority 1)
     */
    record Redirect(String context, String exten) {
    }

    /** The person hangs up now, from the test's thread: an AGI session in progress gets its HANGUP line. */
    public void hangUpNow() {
        hangUpNow("hung up", 16);
    }

    /** Ends the channel now from another thread with {@code cause} (e.g. an AMI Hangup): as {@link #hangUpNow()}. */
    public void hangUpNow(String how, int cause) {
        hangUp(how, cause);
        AgiLeg leg = activeLeg;
        if (leg != null) {
            leg.sendHangup();
        }
    }

    void activeLeg(AgiLeg leg) {
        activeLeg = leg;
    }

    /** The context the channel is in now. */
    public String context() {
        return context;
    }

    /** The extension as written in the dialplan ({@code _+X.}). */
    String extension() {
        return extension;
    }

    /** The dialled string the channel is at, {@code ${EXTEN}}. */
    public String exten() {
        return exten;
    }

    /** The priority the channel is at now. */
    public int priority() {
        return priority;
    }

    void moveTo(String newContext, String newExtension, String newExten, int newPriority) {
        context = newContext;
        extension = newExtension;
        exten = newExten;
        priority = newPriority;
    }

    void moveTo(int newPriority) {
        priority = newPriority;
    }

    Deque<Frame> frames() {
        return frames;
    }

    /**
     * A Gosub frame: where Return() continues and the ARGn values the caller of Gosub had.
     *
     * @param context   the context to return to
     * @param extension the extension as written
     * @param exten     the dialled string
     * @param priority  the priority to continue at
     * @param arguments the ARGn variables before the call
     */
    record Frame(String context, String extension, String exten, int priority, Map<String, String> arguments) {
    }

    @Override
    public String toString() {
        return name;
    }
}
