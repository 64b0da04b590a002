package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.telephony.ami.AmiConnection;
import io.hotline.telephony.ami.AmiEvent;
import io.hotline.telephony.ami.AmiObserver;
import io.hotline.telephony.ami.AmiServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated AMI against Hotline's own AMI client ({@link AmiConnection}, asterisk-java) over a loopback socket:
 * the MD5 login, the resync's channel and device lists, channel and device events in Asterisk's shape, and the
 * actions Hotline sends: Hangup of a ringing seat leg (its Dial returns CHANUNAVAIL, recording 17) and Redirect of a
 * caller (recording 20). The calls run in real time through a small dialplan.
 */
class ManagerServerTest {
    private static final String DIALPLAN = String.join("\n",
            "[test]",
            "exten => 100,1,Answer()",
            " same => n,Dial(PJSIP/1001,30,g)",
            " same => n,Set(RESULT=${DIALSTATUS})",
            " same => n,Hangup()",
            "exten => 200,1,Answer()",
            " same => n,Dial(PJSIP/1002,30,g)",
            " same => n,Hangup()",
            "exten => 300,1,Answer()",
            " same => n,AGI(${AGI_URL}/route)",
            " same => n,Set(AFTER=yes)",
            " same => n,Hangup()",
            "exten => moved,1,Set(MOVED=yes)",
            " same => n,Hangup()");

    private final List<AmiEvent> received = new CopyOnWriteArrayList<>();
    private SimulatedAsterisk pbx;
    private ManagerServer server;
    private AmiConnection hotline;

    @BeforeEach
    void connect() throws Exception {
        pbx = SimulatedAsterisk.realTime(Dialplan.parse(DIALPLAN), Map.of());
        server = ManagerServer.start("127.0.0.1", 0, pbx, new ManagerServer.Credentials("hotline", "s3cret"));
        pbx.listen(server.channelEvents());
        pbx.install(SeatPhone.neverAnswering("PJSIP/1001", "Alice"));
        pbx.install(SeatPhone.answering("PJSIP/1002", "Bob", 0).hangingUpAfter(60_000));
        server.register("PJSIP/1001");
        hotline = new AmiConnection(AmiServerConfig.of("pbx", "127.0.0.1", server.port(), "hotline", "s3cret"),
                received::add, AmiObserver.NONE);
        hotline.start();
        await().atMost(Duration.ofSeconds(10)).until(hotline::isConnected);
    }

    @AfterEach
    void close() {
        hotline.close();
        server.close();
        pbx.close();
    }

    @Test
    void shouldLetHotlineLogInAndResynchroniseFromTheChannelAndDeviceLists() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                .contains(new AmiEvent.ChannelsListed("pbx", List.of()))
                .contains(new AmiEvent.DeviceStateChanged("pbx", "PJSIP/1001", "NOT_INUSE")));
        assertThat(server.logins()).isEqualTo(1);
        assertThat(server.actionsReceived()).containsKeys("challenge", "login", "coreshowchannels",
                "devicestatelist");
    }

    @Test
    void shouldEndARingingLegOnHangupSoThatDialReturnsChanunavail() throws Exception {
        SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer("+4930123401", "Caller"), "test", "100");
        AmiEvent.DialBegan began = await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(AmiEvent.DialBegan.class::isInstance).map(AmiEvent.DialBegan.class::cast).findFirst()
                .orElse(null), event -> event != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(
                new AmiEvent.DeviceStateChanged("pbx", "PJSIP/1001", "RINGING")));

        ManagerResponse response = hotline.hangup(began.destChannel()).get(5, TimeUnit.SECONDS);

        assertThat(response.getResponse()).isEqualTo("Success");
        SimulatedChannel caller = call.finished().get(10, TimeUnit.SECONDS);
        assertThat(caller.variable("RESULT")).isEqualTo("CHANUNAVAIL");
        assertThat(began.uniqueId()).isEqualTo(caller.uniqueId());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received)
                .anyMatch(event -> event instanceof AmiEvent.ChannelHungUp hungUp
                        && hungUp.channel().equals(began.destChannel()))
                .anyMatch(event -> event instanceof AmiEvent.ChannelHungUp hungUp
                        && hungUp.uniqueId().equals(caller.uniqueId()) && hungUp.linkedId().equals(caller.linkedId()))
                .contains(new AmiEvent.DeviceStateChanged("pbx", "PJSIP/1001", "NOT_INUSE")));
        assertThat(hotline.hangup(began.destChannel()).get(5, TimeUnit.SECONDS).getMessage())
                .isEqualTo("No such channel");
    }

    @Test
    void shouldMoveABridgedCallerOnRedirect() throws Exception {
        SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer("+4930123402", "Caller"), "test", "200");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .anyMatch(event -> event instanceof AmiEvent.BridgeEntered entered
                        && entered.uniqueId().equals(call.channel().uniqueId())));

        ManagerResponse refused = hotline.redirect(call.channel().name(), "test", "nowhere").get(5, TimeUnit.SECONDS);
        ManagerResponse response = hotline.redirect(call.channel().name(), "test", "moved").get(5, TimeUnit.SECONDS);

        assertThat(refused.getResponse()).isEqualTo("Error");
        assertThat(response.getResponse()).isEqualTo("Success");
        SimulatedChannel caller = call.finished().get(10, TimeUnit.SECONDS);
        assertThat(caller.variable("MOVED")).isEqualTo("yes");
        assertThat(pbx.channelsOf("PJSIP/1002").get(0).isHungUp()).isTrue();
    }

    @Test
    void shouldEndTheAgiSessionOfARedirectedCallerAndMoveItOnceHotlineClosesIt() throws Exception {
        try (ServerSocket fakeHotline = new ServerSocket(0)) {
            pbx.global("AGI_URL", "agi://127.0.0.1:" + fakeHotline.getLocalPort());
            SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer("+4930123403", "Caller"), "test", "300");
            try (Socket session = fakeHotline.accept()) {
                session.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(session.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = session.getOutputStream();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the agi_* environment
                }
                out.write("SET MUSIC ON default\n".getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("200 result=0");

                ManagerResponse response = hotline.redirect(call.channel().name(), "test", "moved")
                        .get(5, TimeUnit.SECONDS);

                assertThat(response.getMessage()).isEqualTo("Redirect successful");
                assertThat(in.readLine()).isEqualTo("HANGUP");
                out.write("WAIT FOR DIGIT 1000\n".getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).startsWith("511 ");
                assertThat(call.finished()).isNotDone();
            }
            SimulatedChannel caller = call.finished().get(10, TimeUnit.SECONDS);
            assertThat(caller.variable("MOVED")).isEqualTo("yes");
            assertThat(caller.variable("AFTER")).isNull();
            assertThat(caller.isHungUp()).isTrue();
        }
    }
}
