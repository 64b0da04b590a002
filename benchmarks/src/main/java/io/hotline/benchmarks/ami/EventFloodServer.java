package io.hotline.benchmarks.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Asterisk manager interface on 127.0.0.1 (an ephemeral port) that floods its logged-in client with a
 * recording's call events, repeated: {@link StreamMarker#START}, then {@code events} recorded events, written one
 * pre-encoded repetition at a time, then {@link StreamMarker#END}. Each client gets a reader thread
 * ({@link FloodConnection}); each flood a thread of its own. It accepts at most {@code maxClients} connections, and
 * a client silent for {@code idleTimeout} is closed. Thread-safe.
 */
final class EventFloodServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFloodServer.class);
    /** How long the flood waits for the end marker to arrive before it sends it again. */
    private static final long END_RESEND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerSocket listener;
    private final RecordedEvents recording;
    private final String username;
    private final String secret;
    private final int idleTimeoutMillis;
    private volatile FloodConnection latest;

    /**
     * What one flood did.
     *
     * @param startNanos    {@link System#nanoTime()} right before its first byte
     * @param eventsWritten recorded events written (the markers not counted)
     * @param endMarkers    end markers written (more than one when the first had not arrived after a second)
     * @param complete      whether all {@code events} were written before the deadline
     */
    record Playback(long startNanos, long eventsWritten, int endMarkers, boolean complete) {
    }

    private EventFloodServer(ServerSocket listener, RecordedEvents recording, String username, String secret,
                             int idleTimeoutMillis) {
        this.listener = listener;
        this.recording = recording;
        this.username = username;
        this.secret = secret;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** Listens on 127.0.0.1, a free port, accepting {@code username}/{@code secret} (MD5 challenge login). */
    static EventFloodServer start(RecordedEvents recording, String username, String secret, int maxClients,
                                  long idleTimeoutMillis) throws IOException {
        ServerSocket socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        EventFloodServer server = new EventFloodServer(socket, recording, username, secret,
                (int) Math.min(Integer.MAX_VALUE, idleTimeoutMillis));
        daemon("ami-flood-accept", () -> server.acceptLoop(maxClients)).start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop(int maxClients) {
        for (int accepted = 0; accepted < maxClients && !listener.isClosed(); accepted++) {
            try {
                Socket socket = listener.accept();
                socket.setSoTimeout(idleTimeoutMillis);
                socket.setTcpNoDelay(true);
                FloodConnection client = new FloodConnection(socket, username, secret, recording.greeting());
                latest = client;
                daemon("ami-flood-client-" + (accepted + 1), client::serve).start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("flood server: accept failed: {}", e.toString());
                }
                return;
            }
        }
    }

    /**
     * Floods the most recently connected client, which must have logged in, on a new thread: writing stops at
     * {@code deadlineNanos} ({@link System#nanoTime()}); the end marker is sent again each second until
     * {@code arrived} opens or the deadline passes.
     */
    CompletableFuture<Playback> play(long events, CountDownLatch arrived, long deadlineNanos) {
        FloodConnection client = latest;
        if (client == null || !client.isLoggedIn()) {
            throw new IllegalStateException("no client has logged in");
        }
        CompletableFuture<Playback> playback = new CompletableFuture<>();
        daemon("ami-flood-play", () -> {
            try {
                playback.complete(flood(client, events, arrived, deadlineNanos));
            } catch (IOException | RuntimeException e) {
                playback.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                playback.completeExceptionally(e);
            }
        }).start();
        return playback;
    }

    private Playback flood(FloodConnection client, long events, CountDownLatch arrived, long deadlineNanos)
            throws IOException, InterruptedException {
        byte[] repetition = recording.repetition();
        int perRepetition = recording.eventsPerRepetition();
        long start = System.nanoTime();
        client.write(StreamMarker.START.block(), StreamMarker.START.block().length);
        long written = 0;
        while (written + perRepetition <= events && System.nanoTime() < deadlineNanos) {
            client.write(repetition, repetition.length);
            written += perRepetition;
        }
        if (written < events && System.nanoTime() < deadlineNanos) {
            int rest = (int) (events - written);
            client.write(repetition, recording.prefixLength(rest));
            written += rest;
        }
        int endMarkers = 0;
        long left;
        do {
            client.write(StreamMarker.END.block(), StreamMarker.END.block().length);
            endMarkers++;
            left = deadlineNanos - System.nanoTime();
        } while (left > 0 && !arrived.await(Math.min(left, END_RESEND_NANOS), TimeUnit.NANOSECONDS));
        return new Playback(start, written, endMarkers, written == events);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Stops listening and closes the latest client's socket. */
    @Override
    public void close() throws IOException {
        listener.close();
        FloodConnection client = latest;
        if (client != null) {
            client.close();
        }
    }
}
