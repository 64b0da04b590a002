package io.hotline.benchmarks.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark harness itself: the generator against both bench servers in this JVM, over loopback. */
class AgiLoadGeneratorTest {
    private static final Path TRANSCRIPT = Path.of("..", AgiLoadGenerator.DEFAULT_TRANSCRIPT);
    private static final int CUSTOMERS = 500;

    private static GeneratorConfig config(int port, int sessions, int concurrency) {
        return new GeneratorConfig("test", "127.0.0.1", port, sessions, concurrency, 30, 1, 16, TRANSCRIPT,
                CUSTOMERS);
    }

    @Test
    void shouldCompleteEverySessionAgainstHotlineServer() throws Exception {
        // given Hotline's bench server with no hold
        try (HotlineAgiBenchServer server = HotlineAgiBenchServer.start("127.0.0.1", 0, 0, 1,
                new RouteDecision(CUSTOMERS))) {
            // when 20 sessions run, 5 at a time
            RunResult result = AgiLoadGenerator.run(config(server.port(), 20, 5), null, ServerCpu.NONE);

            // then every session saw the whole exchange with the decided values
            assertThat(result.ok()).as(result.toJson()).isEqualTo(20);
            assertThat(result.failed()).isZero();
            assertThat(result.p99Millis()).isPositive();
        }
    }

    @Test
    void shouldHoldEverySessionAtOnceAgainstHotlineServer() throws Exception {
        // given Hotline's bench server holding each caller 500 ms
        try (HotlineAgiBenchServer server = HotlineAgiBenchServer.start("127.0.0.1", 0, 500, 1,
                new RouteDecision(CUSTOMERS))) {
            // when 40 sessions open at once
            RunResult result = AgiLoadGenerator.run(config(server.port(), 40, 40), null, ServerCpu.NONE);

            // then all 40 were on hold together, and all finished afterwards
            assertThat(result.peakHeld()).as(result.toJson()).isEqualTo(40);
            assertThat(result.ok()).isEqualTo(40);
        }
    }

    @Test
    void shouldCompleteEverySessionAgainstAsteriskJavaServer() throws Exception {
        // given asterisk-java's DefaultAgiServer with the same decision
        int port = freePort();
        try (AsteriskJavaAgiBenchServer server = AsteriskJavaAgiBenchServer.start("127.0.0.1", port, 0,
                new RouteDecision(CUSTOMERS))) {
            // when 6 sessions run, 2 at a time
            RunResult result = AgiLoadGenerator.run(config(port, 6, 2), null, ServerCpu.NONE);

            // then every session saw the same exchange (plus asterisk-java's own AJ_AGISTATUS, answered too)
            assertThat(result.ok()).as(result.toJson()).isEqualTo(6);
            assertThat(result.failed()).isZero();
        }
    }

    @Test
    void shouldCountSessionsClosedBeforeAnyCommandAsDropped() throws Exception {
        // given a server that accepts and closes at once, as asterisk-java does beyond its 500 threads
        try (ServerSocket closer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> closeEach(closer), "test-closer");
            acceptor.start();

            // when 3 sessions run
            RunResult result = AgiLoadGenerator.run(config(closer.getLocalPort(), 3, 1), null, ServerCpu.NONE);

            // then none succeeded and all count as dropped
            assertThat(result.ok()).isZero();
            assertThat(result.count(SessionOutcome.DROPPED)).as(result.toJson()).isEqualTo(3);
        }
    }

    private static void closeEach(ServerSocket server) {
        for (int i = 0; i < 3; i++) {
            try (Socket ignored = server.accept()) {
                // closed unread
            } catch (IOException e) {
                return;
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
