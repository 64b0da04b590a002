package io.hotline.app.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code AGI(agi://host:port/script?query[,args])} as Asterisk 22's res_agi runs it over FastAGI: connects,
 * sends the {@code agi_*} environment in the recorded order, answers each command as the recordings show
 * ({@link AgiReplies}), sends {@code HANGUP} when the person hangs up, and reads until Hotline closes the socket.
 * A refused connection sets {@code AGISTATUS=FAILURE} and the dialplan continues. In the {@code h} extension the
 * channel is already dead: no HANGUP line, media commands get 511. One per AGI() call; the dialplan thread reads
 * and writes, the test thread may write the HANGUP line, so writes are synchronized.
 *
 * <p>In virtual time (tests) a session that breaks or stays silent for 30 s fails the call: it is a bug to see. In
 * real time ({@link SimulatedAsterisk#realTime}) it is what Asterisk lives with: Hotline may keep a waiting caller
 * silent for minutes, and a session Hotline drops (Hotline stopped) ends the AGI with {@code AGISTATUS=FAILURE},
 * the dialplan going on.
 */
final class AgiLeg {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    /** Real time: a caller may wait silently for long; a session silent this long is given up. */
    private static final int REAL_TIME_READ_TIMEOUT_MILLIS = 600_000;

    private final SimulatedChannel channel;
    private final AgiReplies replies;
    private OutputStream out;
    private boolean hangupSent;
    /** Whether Hotline sent a command in the session under way (the leg's own thread only). */
    private boolean commanded;

    private final boolean realTime;

    AgiLeg(SimulatedChannel channel, AgiReplies replies) {
        this(channel, replies, false);
    }

    AgiLeg(SimulatedChannel channel, AgiReplies replies, boolean realTime) {
        this.channel = channel;
        this.replies = replies;
        this.realTime = realTime;
    }

    /**
     * Runs the AGI; {@code true} when the dialplan goes on (AGISTATUS SUCCESS or FAILURE), {@code false} when
     * the channel hung up meanwhile (AGISTATUS HANGUP, the PBX then runs the h extension).
     */
    boolean run(String url, List<String> arguments) {
        boolean dead = channel.isHungUp();
        URI uri = URI.create(url);
        boolean connected = false;
        try (Socket connection = new Socket()) {
            connection.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 4573 : uri.getPort()),
                    CONNECT_TIMEOUT_MILLIS);
            connected = true;
            connection.setSoTimeout(realTime ? REAL_TIME_READ_TIMEOUT_MILLIS : READ_TIMEOUT_MILLIS);
            synchronized (this) {
                out = connection.getOutputStream();
                hangupSent = dead;
            }
            channel.activeLeg(this);
            channel.doing("in AGI(" + url + "): waiting for Hotline's first command");
            write(environment(url, arguments));
            converse(new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8)),
                    url);
        } catch (IOException e) {
            if (!connected) {
                // res_agi's launch_script cannot reach the server: AGISTATUS=FAILURE.
                channel.experienced("AGI failed: " + e.getClass().getSimpleName());
                channel.set("AGISTATUS", "FAILURE");
                return !channel.isHungUp() && !dead;
            }
            if (!realTime && commanded) {
                // Hotline broke a session it had begun: a fault the tests must see.
                throw new IllegalStateException("FastAGI session of " + channel + " (" + url + ") broke: " + e, e);
            }
            // res_agi's run_agi reads a reset like the end of the stream ("AGI Script completed"): AGISTATUS as
            // for a session the server ended. Before Hotline's first command this is a server that is stopping
            // (a caller's hangup AGI while Hotline stops).
            channel.experienced("AGI ended by the server: " + e.getClass().getSimpleName());
        } finally {
            channel.activeLeg(null);
            channel.onHold(false);
        }
        channel.set("AGISTATUS", channel.isHungUp() ? "HANGUP" : "SUCCESS");
        return !channel.isHungUp();
    }

    private void converse(BufferedReader in, String url) throws IOException {
        String command;
        while ((command = in.readLine()) != null) {
            commanded = true;
            channel.agiCommand(command);
            boolean wasUp = !channel.isHungUp();
            write(replies.reply(command, this));
            channel.doing("in AGI(" + url + "): answered " + command + ", waiting for Hotline's next command or the end"
                    + " of the session");
            if (wasUp && channel.isHungUp()) {
                sendHangup();
            }
        }
    }

    /** The unsolicited {@code HANGUP} line, once per session, as res_agi sends it to a FastAGI server. */
    void sendHangup() {
        synchronized (this) {
            if (hangupSent || out == null) {
                return;
            }
            hangupSent = true;
        }
        try {
            write("HANGUP\n");
        } catch (IOException e) {
            // Hotline already closed the session: nothing to tell it.
            channel.experienced("HANGUP not delivered: " + e.getMessage());
        }
    }

    private synchronized void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String environment(String url, List<String> arguments) {
        String afterHost = url.substring(url.indexOf('/', "agi://".length()) + 1);
        StringBuilder env = new StringBuilder()
                .append("agi_network: yes\n")
                .append("agi_network_script: ").append(afterHost).append('\n')
                .append("agi_request: ").append(url).append('\n')
                .append("agi_channel: ").append(channel.name()).append('\n')
                .append("agi_language: en\n")
                .append("agi_type: PJSIP\n")
                .append("agi_uniqueid: ").append(channel.uniqueId()).append('\n')
                .append("agi_version: 22.10.1\n")
                .append("agi_callerid: ").append(orUnknown(channel.callerNumber())).append('\n')
                .append("agi_calleridname: ").append(orUnknown(channel.callerName())).append('\n')
                .append("agi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\n")
                .append("agi_dnid: ").append(orUnknown(channel.dialledNumber())).append('\n')
                .append("agi_rdnis: unknown\n")
                .append("agi_context: ").append(channel.context()).append('\n')
                .append("agi_extension: ").append(channel.exten()).append('\n')
                .append("agi_priority: ").append(channel.priority()).append('\n')
                .append("agi_enhanced: 0.0\n")
                .append("agi_accountcode: \n")
                .append("agi_threadid: 140619196581568\n");
        for (int i = 0; i < arguments.size(); i++) {
            env.append("agi_arg_").append(i + 1).append(": ").append(arguments.get(i)).append('\n');
        }
        return env.append('\n').toString();
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "unknown" : value;
    }
}
