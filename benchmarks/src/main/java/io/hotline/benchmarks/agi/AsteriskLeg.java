package io.hotline.benchmarks.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One FastAGI session as Asterisk 22 runs it, on a blocking loopback socket: the environment block, then one
 * reply per command as the recordings show ({@code 200 result=1 (linkedid)} to {@code GET VARIABLE
 * CHANNEL(linkedid)}, {@code 200 result=0} to other reads, music and {@code STREAM FILE}, {@code 200 result=1}
 * to the rest), until the server closes the socket. Not thread-safe: one caller thread owns it.
 */
public final class AsteriskLeg implements AutoCloseable {
    /**
     * What a session set, when {@code HOTLINE_CALL} (the caller recognised) and {@code HOTLINE_TARGET} arrived, and
     * when each of the session's first {@value #TIMED_COMMANDS} commands arrived ({@code commandNanos[i]}, in order;
     * 0 past the last), so that a route can be cut into its stages.
     */
    public record Outcome(String result, String seat, long callNanos, long targetNanos, List<String> commands,
                          long[] commandNanos) {
    }

    /** Commands of a session whose arrival is timed: a route to a ready seat sends 9. */
    public static final int TIMED_COMMANDS = 12;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private AsteriskLeg(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    public static AsteriskLeg connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(server, 10_000);
        return new AsteriskLeg(socket);
    }

    /**
     * Sends {@code environment} and answers every command until the server closes; returns what was set.
     * {@code targetNanos} is {@link System#nanoTime()} when {@code SET VARIABLE HOTLINE_TARGET} arrived, or 0.
     */
    public Outcome run(byte[] environment, String linkedId) throws IOException {
        out.write(environment);
        out.flush();
        String result = null;
        String seat = null;
        long target = 0;
        long call = 0;
        List<String> commands = new ArrayList<>(TIMED_COMMANDS);
        long[] commandNanos = new long[TIMED_COMMANDS];
        String command;
        while ((command = in.readLine()) != null) {
            if (commands.size() < TIMED_COMMANDS) {
                commandNanos[commands.size()] = System.nanoTime();
                commands.add(command);
            }
            if (call == 0 && command.startsWith("SET VARIABLE HOTLINE_CALL ")) {
                call = System.nanoTime();
            } else if (target == 0 && command.startsWith("SET VARIABLE HOTLINE_TARGET ")) {
                target = System.nanoTime();
            } else if (command.startsWith("SET VARIABLE HOTLINE_SEAT ")) {
                seat = command.substring("SET VARIABLE HOTLINE_SEAT ".length());
            } else if (command.startsWith("SET VARIABLE HOTLINE_RESULT ")) {
                result = command.substring("SET VARIABLE HOTLINE_RESULT ".length());
            } else if (command.startsWith("SET VARIABLE HOTLINE_SEAT_RESULT ")) {
                result = command.substring("SET VARIABLE HOTLINE_SEAT_RESULT ".length());
            }
            out.write(reply(command, linkedId).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return new Outcome(result, seat, call, target, commands, commandNanos);
    }

    private static String reply(String command, String linkedId) {
        if (command.equals("GET VARIABLE CHANNEL(linkedid)")) {
            return "200 result=1 (" + linkedId + ")\n";
        }
        if (command.startsWith("GET VARIABLE") || command.startsWith("SET MUSIC")) {
            return "200 result=0\n";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=8000\n";
        }
        return "200 result=1\n";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
