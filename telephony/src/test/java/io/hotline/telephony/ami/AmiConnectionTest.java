package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link AmiConnection} against {@link ScriptedAmiServer}, which plays what a real Asterisk 22 sent, byte for
 * byte, over a real loopback socket to asterisk-java's {@code ManagerConnection}.
 */
class AmiConnectionTest {
    private static final String SECRET = "cti-secret";
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ConcurrentLinkedQueue<AmiEvent> received = new ConcurrentLinkedQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void shouldTranslateARecordedQueueCallIntoHotlineRecords() {
        // given Asterisk playing a tier-1 queue call that is answered and then hung up by the caller
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("01-queue-tier1-answered-caller-hangs-up.ami-recv.raw"));

        // when Hotline connects
        AmiConnection connection = connect(server.port());

        // then it sees the call's life as records, tagged with the server's name
        // Asterisk sends FullyBooted right after the login response, so it may come before asterisk-java's
        // ConnectEvent (fired once it has asked CoreSettings), and under load after the whole call: consumers must
        // not rely on that order.
        await().atMost(Duration.ofSeconds(10)).until(() -> hungUp("PJSIP/carrier-00000000") != null
                && received.contains(new AmiEvent.Connected("pbx1")));
        assertThat(connection.isConnected()).isTrue();
        assertThat(received).contains(new AmiEvent.Connected("pbx1"), new AmiEvent.FullyBooted("pbx1"));
        assertThat(received).filteredOn(AmiEvent.ChannelCreated.class::isInstance).first()
                .isEqualTo(new AmiEvent.ChannelCreated("pbx1", "1795347580.0", "1795347580.0",
                        "PJSIP/carrier-00000000", "+4930123401", "100"));
        assertThat(received).contains(new AmiEvent.DialEnded("pbx1", "1795347580.0", "1795347581.1",
                "PJSIP/agent1002-00000001", "ANSWER"));
        assertThat(received).filteredOn(AmiEvent.BridgeEntered.class::isInstance).hasSize(2)
                .extracting(event -> ((AmiEvent.BridgeEntered) event).bridgeId())
                .containsOnly("2cda5f81-f5cf-4524-8243-b042b146bd73");
        assertThat(received).contains(new AmiEvent.DeviceStateChanged("pbx1", "PJSIP/agent1002", "RINGING"));
        AmiEvent.ChannelHungUp caller = hungUp("PJSIP/carrier-00000000");
        assertThat(caller.cause()).isEqualTo(16);
        assertThat(caller.causeText()).isEqualTo("Normal Clearing");
        assertThat(indexOf(AmiEvent.DialBegan.class)).isLessThan(indexOf(AmiEvent.DialEnded.class))
                .isLessThan(indexOf(AmiEvent.BridgeEntered.class)).isLessThan(indexOf(AmiEvent.ChannelHungUp.class));
    }

    @Test
    void shouldKeepRetryingAFailedFirstLoginUntilAsteriskAnswers() throws IOException {
        // given no Asterisk listening yet on the port Hotline is configured for
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AmiConnection connection = connect(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.failedLogins() >= 2);
        assertThat(connection.isConnected()).isFalse();

        // when Asterisk comes up on that port
        ScriptedAmiServer server = server(ScriptedAmiServer.start(port));

        // then the same connection logs in, without a restart of Hotline
        await().atMost(Duration.ofSeconds(10)).until(connection::isConnected);
        assertThat(received).contains(new AmiEvent.Connected("pbx1"));
        assertThat(server.actionsReceived()).anySatisfy(action -> assertThat(action.get("action"))
                .isEqualToIgnoringCase("Login"));
    }

    @Test
    void shouldReconnectAfterTheSocketDropsMidCallAndSeeTheRestOfTheCall() {
        // given a call in progress when the AMI socket drops (recorded: the first session, then the second)
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0)
                .afterLogin("09-ami-client-disconnect-and-reconnect-mid-call.ami-recv.raw")
                .afterLogin("09-ami-client-disconnect-and-reconnect-mid-call.ami2.ami-recv.raw"));
        AmiConnection connection = connect(server.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> count(AmiEvent.BridgeEntered.class) >= 2);

        // when Asterisk's side of the socket goes away
        server.dropClients();

        // then Hotline notices, logs in again on a second connection and sees the call end
        await().atMost(Duration.ofSeconds(15)).until(() -> count(AmiEvent.Connected.class) == 2
                && connection.isConnected() && count(AmiEvent.ChannelHungUp.class) >= 1);
        assertThat(received).contains(new AmiEvent.Disconnected("pbx1"));
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldNotLeakThreadsOverManyReconnectsAndStopThemAllOnClose() {
        // given a connected Hotline, and the threads other tests may still be winding down
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0));
        AmiConnection connection = connect(server.port());
        await().atMost(Duration.ofSeconds(10)).until(connection::isConnected);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(threadsSince(before))
                .hasSizeLessThanOrEqualTo(3));

        // when Asterisk drops the connection five times
        for (int drop = 1; drop <= 5; drop++) {
            server.dropClients();
            int expected = drop + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> server.connections() == expected
                    && connection.isConnected());
        }

        // then no thread piled up: one reader, one event pump, one worker, and at most one stale event pump.
        // asterisk-java 3.42 leaves the pump of a finished reader polling until that reader is garbage collected
        // (the pump holds its owner weakly and stops once it is gone): under load several wait for a GC, so the
        // check collects garbage; a pump per reconnect that outlives a GC would be a leak.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            System.gc();
            assertThat(threadsSince(before)).hasSizeLessThanOrEqualTo(4)
                    .filteredOn(name -> !name.contains("AsyncEventPump")).hasSize(2);
        });

        // and closing while asterisk-java is reconnecting to an Asterisk that is gone stops the worker, every
        // reader and every reconnect thread (the stale pump above, if any, aside)
        server.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !connection.isConnected());
        connection.close();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            System.gc();
            assertThat(threadsSince(before)).hasSizeLessThanOrEqualTo(1)
                    .allMatch(name -> name.contains("AsyncEventPump"));
        });
    }

    /** Live threads started since {@code before}: asterisk-java's reader, pump and reconnect, and the worker. */
    private static List<String> threadsSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().startsWith("Asterisk-Java") || thread.getName().startsWith("ami-"))
                .map(thread -> thread.getName() + " " + thread.getState()).toList();
    }

    @Test
    void shouldNeverLogTheSecretEvenWhenTheLoginIsRefused() {
        // given every log line of Hotline and asterisk-java captured
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        resources.add(() -> root.detachAppender(logs));
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).secret("cti", "another-secret"));

        // when Hotline logs in with a secret Asterisk refuses, again and again
        AmiConnection connection = connect(server.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.failedLogins() >= 2);

        // then it stays disconnected and no line anywhere names the secret
        assertThat(connection.isConnected()).isFalse();
        assertThat(logs.list).isNotEmpty().noneSatisfy(line -> assertThat(line.getFormattedMessage())
                .contains(SECRET));
        assertThat(connection.toString()).doesNotContain(SECRET);
    }

    private ScriptedAmiServer server(ScriptedAmiServer server) {
        resources.add(server);
        return server;
    }

    private AmiConnection connect(int port) {
        AmiServerConfig config = AmiServerConfig.of("pbx1", "127.0.0.1", port, "cti", SECRET)
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(400));
        AmiConnection connection = new AmiConnection(config, received::add, AmiObserver.NONE);
        resources.add(connection);
        connection.start();
        return connection;
    }

    private AmiEvent.ChannelHungUp hungUp(String channel) {
        return received.stream().filter(AmiEvent.ChannelHungUp.class::isInstance)
                .map(AmiEvent.ChannelHungUp.class::cast).filter(event -> channel.equals(event.channel()))
                .findFirst().orElse(null);
    }

    private long count(Class<? extends AmiEvent> type) {
        return received.stream().filter(type::isInstance).count();
    }

    private int indexOf(Class<? extends AmiEvent> type) {
        int index = 0;
        for (AmiEvent event : received) {
            if (type.isInstance(event)) {
                return index;
            }
            index++;
        }
        return -1;
    }
}
