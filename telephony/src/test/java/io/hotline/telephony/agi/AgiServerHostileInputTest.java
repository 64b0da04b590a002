package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.telephony.Transcripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The FastAGI server against a stranger or a flood, over real loopback TCP: the allow-list, the connection caps,
 * the request header's deadline and size cap. Every hostile connection is closed, no script runs for it, and the
 * server still serves Asterisk afterwards.
 */
class AgiServerHostileInputTest {
    private static final String ENVIRONMENT = environment();

    private final AtomicInteger routed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger headerTimeouts = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private ScheduledExecutorService trickler;
    private AgiServer server;

    @AfterEach
    void stop() throws IOException {
        if (trickler != null) {
            trickler.shutdownNow();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String environment() {
        String recorded = new String(Transcripts.bytes("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"),
                StandardCharsets.UTF_8);
        return recorded.substring(0, recorded.indexOf("\n\n") + 2);
    }

    private static AgiLimits limits() {
        return AgiLimits.defaults().withHeader(Duration.ofSeconds(30), 8192, 2048);
    }

    private InetSocketAddress start(AgiLimits limits) {
        AgiSessionObserver observer = new AgiSessionObserver() {
            @Override
            public void connectionRefused() {
                refused.incrementAndGet();
            }

            @Override
            public void headerTimedOut() {
                headerTimeouts.incrementAndGet();
            }

            @Override
            public void malformedInput() {
                malformed.incrementAndGet();
            }
        };
        AgiScript route = new AgiScript() {
            @Override
            public String name() {
                return "route";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                routed.incrementAndGet();
                return session.send(AgiCommand.setVariable("ROUTE_QUEUE", "tier1")).thenAccept(reply -> { });
            }
        };
        server = new AgiServer(new AgiServerConfig("127.0.0.1", 0, Duration.ofSeconds(5), Duration.ofMinutes(5),
                8192, 1, limits), List.of(route), observer);
        return server.start();
    }

    private Socket connect(InetSocketAddress server, String fromAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 2_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Whether the server closed the connection (end of stream or reset) within the socket's read timeout. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** A well-behaved Asterisk's route session: the recorded header, one command, its reply, the server closes. */
    private void assertServesARouteSession(InetSocketAddress address) throws IOException {
        int before = routed.get();
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(ENVIRONMENT);
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE ROUTE_QUEUE tier1");
            asterisk.send("200 result=1\n");
            assertThat(asterisk.closedByServer()).isTrue();
        }
        assertThat(routed.get()).isEqualTo(before + 1);
    }

    @Test
    void shouldCloseAClientThatSendsPartOfTheHeaderAndGoesQuiet() throws Exception {
        // given: a 1 s header deadline (the idle timeout is 5 minutes)
        InetSocketAddress address = start(AgiLimits.defaults().withHeader(Duration.ofSeconds(1), 8192, 2048));
        Socket socket = connect(address, "127.0.0.1");

        // when: half the header, then silence
        send(socket, ENVIRONMENT.substring(0, ENVIRONMENT.length() / 2));

        // then: closed within the deadline's reach, no script ran
        assertThat(closedByServer(socket)).isTrue();
        assertThat(headerTimeouts).hasValue(1);
        assertThat(routed).hasValue(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 0);
    }

    @Test
    void shouldCloseAClientThatTricklesTheHeaderByteByByte() throws Exception {
        // given: a 1 s header deadline
        InetSocketAddress address = start(AgiLimits.defaults().withHeader(Duration.ofSeconds(1), 8192, 2048));
        Socket socket = connect(address, "127.0.0.1");
        byte[] header = ENVIRONMENT.getBytes(StandardCharsets.UTF_8);
        AtomicInteger sent = new AtomicInteger();
        trickler = Executors.newSingleThreadScheduledExecutor();

        // when: one byte every 50 ms, so the connection is never idle but the header takes 30 s
        trickler.scheduleAtFixedRate(() -> {
            int next = sent.getAndIncrement();
            try {
                if (next < header.length - 1) {
                    socket.getOutputStream().write(header[next]);
                }
            } catch (IOException e) {
                trickler.shutdown();
            }
        }, 0, 50, TimeUnit.MILLISECONDS);

        // then: closed long before the header could be complete
        assertThat(closedByServer(socket)).isTrue();
        assertThat(sent.get()).isLessThan(header.length / 2);
        assertThat(headerTimeouts).hasValue(1);
        assertThat(routed).hasValue(0);
    }

    @Test
    void shouldCloseAnOversizedHeaderWithoutRouting() throws Exception {
        // given: the default 8 KiB header cap
        InetSocketAddress address = start(limits());
        Socket socket = connect(address, "127.0.0.1");
        StringBuilder header = new StringBuilder("agi_network_script: route?dnis=100\n");
        for (int i = 0; i < 100; i++) {
            header.append("agi_arg_").append(i).append(": ").append("9".repeat(100)).append('\n');
        }

        // when: 10 KB of well-formed header lines, then the empty line
        send(socket, header + "\n");

        // then
        assertThat(closedByServer(socket)).isTrue();
        assertThat(malformed).hasValue(1);
        assertThat(routed).hasValue(0);
        assertServesARouteSession(address);
    }

    @Test
    void shouldCloseConnectionsOverTheCapAtOnceAndServeAgainAfterwards() throws Exception {
        // given: at most 20 connections
        InetSocketAddress address = start(limits().withAdmission(CidrBlock.parseList(AgiLimits.LOOPBACK), 20, 20));

        // when: 30 clients connect and send nothing
        List<Socket> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(connect(address, "127.0.0.1"));
        }

        // then: 20 are held, the last 10 are closed at once
        await().atMost(Duration.ofSeconds(5)).until(() -> refused.get() == 10 && server.connections() == 20);
        for (Socket excess : flood.subList(20, 30)) {
            assertThat(closedByServer(excess)).isTrue();
        }
        flood.get(0).setSoTimeout(200);
        assertThat(closedByServer(flood.get(0))).as("an admitted connection stays open").isFalse();

        // and when the flood goes away, a real session is served
        for (Socket socket : flood) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 0);
        assertServesARouteSession(address);
        assertThat(routed).hasValue(1);
    }

    @Test
    void shouldCapConnectionsPerClientAddress() throws Exception {
        // given: at most 3 connections from one address, 100 in all
        InetSocketAddress address = start(limits().withAdmission(CidrBlock.parseList("127.0.0.0/8"), 100, 3));
        List<Socket> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(connect(address, "127.0.0.1"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 3);

        // when: a fourth from the same address, and one from another loopback address
        Socket fourth = connect(address, "127.0.0.1");
        Socket other = connect(address, "127.0.0.2");

        // then: the fourth is closed, the other address is served
        assertThat(closedByServer(fourth)).isTrue();
        assertThat(refused).hasValue(1);
        send(other, ENVIRONMENT);
        assertThat(new String(other.getInputStream().readNBytes(31), StandardCharsets.UTF_8))
                .isEqualTo("SET VARIABLE ROUTE_QUEUE tier1\n");
        assertThat(routed).hasValue(1);

        // and once one of the first three has gone, the address may connect again
        first.get(0).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 3);
        assertServesARouteSession(address);
    }

    @Test
    void shouldCloseAClientOutsideTheAllowListBeforeReadingItsRequest() throws Exception {
        // given: only 10.0.0.0/8 may connect, so loopback is a stranger
        InetSocketAddress address = start(limits().withAdmission(CidrBlock.parseList("10.0.0.0/8"), 100, 100));
        Socket stranger = connect(address, "127.0.0.1");

        // when: the stranger sends a complete route request
        try {
            send(stranger, ENVIRONMENT);
        } catch (SocketException e) {
            // already closed: just as good
        }

        // then: closed, nothing routed, counted as refused
        assertThat(closedByServer(stranger)).isTrue();
        assertThat(routed).hasValue(0);
        assertThat(refused).hasValue(1);
        assertThat(server.connections()).isZero();
    }

    @Test
    void shouldServeAnAllowedAddressAndRefuseItsNeighbour() throws Exception {
        // given: one loopback address allowed
        InetSocketAddress address = start(limits().withAdmission(CidrBlock.parseList("127.0.0.2/32"), 100, 100));

        // when / then
        Socket neighbour = connect(address, "127.0.0.1");
        assertThat(closedByServer(neighbour)).isTrue();
        Socket allowed = connect(address, "127.0.0.2");
        send(allowed, ENVIRONMENT);
        assertThat(new String(allowed.getInputStream().readNBytes(31), StandardCharsets.UTF_8))
                .isEqualTo("SET VARIABLE ROUTE_QUEUE tier1\n");
        assertThat(routed).hasValue(1);
        assertThat(refused).hasValue(1);
    }
}
