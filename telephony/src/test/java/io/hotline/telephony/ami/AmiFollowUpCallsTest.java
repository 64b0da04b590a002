package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.spi.CallMonitor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Field-service follow-up calls ({@link AmiFollowUpCalls}) over a real loopback AMI socket
 * ({@link ScriptedAmiServer}): the exact fields of the {@code Originate} into {@code hotline-follow-up}, Asterisk's
 * refusals (recording 06: {@code Originate failed}; main/manager.c {@code action_originate}: {@code Extension does
 * not exist.}), and the refusals without AMI or with a phone or number that must never reach a dial string.
 */
class AmiFollowUpCallsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String RECORDING_06 = "06-ami-originate-callback.ami-recv.raw";
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final PbxView view = new PbxView(event -> true);
    private final AmiFollowUpCalls followUps = new AmiFollowUpCalls();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void shouldRingTheSupervisorIntoTheFollowUpContextWithTheCustomersNumberAsExtension() {
        // given a logged-in AMI connection
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        connect(server.port());

        // when the supervisor follows up work order 42 with a number typed with spaces and dashes
        CallMonitor.Result result = followUps.call("PJSIP/2001", "+49 30-1234 07", 42).toCompletableFuture()
                .join();

        // then one async Originate rings the supervisor's phone into hotline-follow-up,<number>,1
        assertThat(result).isEqualTo(CallMonitor.Result.ok());
        assertThat(actions(server, "originate")).singleElement().satisfies(originate -> assertThat(originate)
                .containsEntry("channel", "PJSIP/2001").containsEntry("context", "hotline-follow-up")
                .containsEntry("exten", "+4930123407").containsEntry("priority", "1")
                .containsEntry("timeout", "30000").containsEntry("async", "true")
                .containsEntry("callerid", "\"Follow-up WO42\" <+4930123407>")
                .containsEntry("variable", "HOTLINE_WORKORDER=42")
                .doesNotContainKeys("application", "data"));
    }

    @Test
    void shouldSendANationalNumberAsItIs() {
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        connect(server.port());

        CallMonitor.Result result = followUps.call("PJSIP/2001", "02161234567", 7).toCompletableFuture().join();

        assertThat(result.accepted()).isTrue();
        assertThat(actions(server, "originate")).singleElement().satisfies(originate -> assertThat(originate)
                .containsEntry("exten", "02161234567").containsEntry("callerid", "\"Follow-up WO7\" <02161234567>")
                .containsEntry("variable", "HOTLINE_WORKORDER=7"));
    }

    @Test
    void shouldRefuseWithAsterisksMessageWhenAsteriskRefusesTheOriginate() {
        // given recording 06's Asterisk: its first Originate is queued, its second answered "Originate failed"
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLogin(RECORDING_06));
        connect(server.port());

        CallMonitor.Result first = followUps.call("PJSIP/2001", "02161234567", 42).toCompletableFuture().join();
        CallMonitor.Result second = followUps.call("PJSIP/2001", "02161234567", 42).toCompletableFuture().join();

        assertThat(first.accepted()).isTrue();
        assertThat(second.accepted()).isFalse();
        assertThat(second.reason()).startsWith("Asterisk refused to ring PJSIP/2001: ").contains("Originate failed")
                .doesNotContain("hotline-follow-up");
    }

    @Test
    void shouldNameTheMissingContextWhenAsteriskHasNoSuchExtension() {
        // given an Asterisk without [hotline-follow-up]: action_originate (main/manager.c) checks
        // ast_exists_extension(context, exten, priority) before dialling and answers this error
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText("Response: Error\r\n"
                + "ActionID: originate-1\r\nMessage: Extension does not exist.\r\n\r\n"));
        connect(server.port());

        CallMonitor.Result result = followUps.call("PJSIP/2001", "+4930123407", 42).toCompletableFuture().join();

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).contains("Extension does not exist.", "[hotline-follow-up]",
                "docs/asterisk/extensions.conf");
    }

    @Test
    void shouldRefuseWithoutAmiSayingSo() {
        // never attached to any connection
        CallMonitor.Result never = new AmiFollowUpCalls().call("PJSIP/2001", "+4930123407", 42)
                .toCompletableFuture().join();
        // attached to a connection that cannot log in (nothing listens on its port)
        AmiFollowUpCalls notConnected = new AmiFollowUpCalls();
        AmiConnection down = connection(closedPort());
        down.start();
        notConnected.attach(List.of(down));
        CallMonitor.Result whileDown = notConnected.call("PJSIP/2001", "+4930123407", 42).toCompletableFuture()
                .join();

        assertThat(List.of(never, whileDown)).allSatisfy(result -> {
            assertThat(result.accepted()).isFalse();
            assertThat(result.reason()).isEqualTo("AMI is not connected: Hotline cannot ring PJSIP/2001");
        });
        assertThat(down.isConnected()).isFalse();
    }

    @Test
    void shouldRefuseABadPhoneNumberOrWorkOrderWithoutSendingAnything() {
        ScriptedAmiServer server = server(ScriptedAmiServer.start(0).afterLoginText(""));
        connect(server.port());

        // phones that are not one endpoint's dial string
        for (String phone : new String[] {null, "", "2001", "PJSIP/2001&PJSIP/2002", "PJSIP/2001,30,tT",
                "Local/2001@from-internal/n"}) {
            assertThat(reason(followUps.call(phone, "+4930123407", 42))).as(phone)
                    .startsWith("the supervisor has no phone to ring: ");
        }
        // numbers that could add a Dial target or option, or are too short or too long
        for (String number : new String[] {null, "", "12", "+1", "123&PJSIP/evil", "0216,1234", "++4930123407",
                "49+30123407", "0216 abc", "123456789012345678901", "(030) 1234"}) {
            assertThat(reason(followUps.call("PJSIP/2001", number, 42))).as(number)
                    .startsWith("the customer's number is not dialable: ");
        }
        assertThat(reason(followUps.call("PJSIP/2001", "+4930123407", 0))).startsWith("no work order");

        assertThat(actions(server, "originate")).isEmpty();
    }

    @Test
    void shouldNormaliseSpacesAndDashesAndKeepTwentyCharacters() {
        assertThat(AmiFollowUpCalls.normalised(" 021-6123 4567 ")).isEqualTo("02161234567");
        assertThat(AmiFollowUpCalls.normalised("+86 400-800-1234")).isEqualTo("+864008001234");
        assertThat(AmiFollowUpCalls.normalised("123")).isEqualTo("123");
        assertThat(AmiFollowUpCalls.normalised("+12345678901234567890")).isNull();
        assertThat(AmiFollowUpCalls.normalised("+1234567890123456789")).isEqualTo("+1234567890123456789");
        assertThat(AmiFollowUpCalls.normalised("12345678901234567890")).isEqualTo("12345678901234567890");
        assertThat(AmiFollowUpCalls.normalised("--")).isNull();
    }

    private static String reason(CompletionStage<CallMonitor.Result> stage) {
        CallMonitor.Result result = stage.toCompletableFuture().join();
        assertThat(result.accepted()).isFalse();
        return result.reason();
    }

    private List<Map<String, String>> actions(ScriptedAmiServer server, String name) {
        return server.actionsReceived().stream().filter(action -> name.equalsIgnoreCase(action.get("action")))
                .toList();
    }

    private ScriptedAmiServer server(ScriptedAmiServer server) {
        resources.add(server);
        return server;
    }

    private void connect(int port) {
        AmiConnection connection = connection(port);
        connection.start();
        await().atMost(PATIENCE).until(connection::isConnected);
        followUps.attach(List.of(connection));
    }

    private AmiConnection connection(int port) {
        AmiServerConfig config = AmiServerConfig.of("pbx1", "127.0.0.1", port, "cti", "cti-secret")
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(400)).withResyncInterval(Duration.ofMinutes(5));
        AmiConnection connection = new AmiConnection(config, view, AmiObserver.NONE);
        resources.add(connection);
        return connection;
    }

    /** A loopback port nobody listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
