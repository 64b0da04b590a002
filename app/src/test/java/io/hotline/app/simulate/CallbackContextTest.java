package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code [hotline-callback]} context run by the dialplan interpreter on a callback's seat leg, as
 * Asterisk runs it after the AMI Originate (docs/asterisk.md, "Callbacks"): the seat's answer is asked of Hotline,
 * the customer dialled through the trunk, and the outcome reported once, with the seat, over real FastAGI sockets
 * to a small recording AGI server.
 */
class CallbackContextTest {
    private static final String CUSTOMER = "PJSIP/02161234567@carrier";
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Accepts FastAGI sessions on loopback; records each request's script; may turn the seat's answer away. */
    private static final class RecordingAgi implements AutoCloseable {
        final ServerSocket server;
        final List<String> scripts = new CopyOnWriteArrayList<>();
        final boolean refuseAnswer;

        RecordingAgi(boolean refuseAnswer) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.refuseAnswer = refuseAnswer;
            Thread thread = new Thread(this::serve, "recording-agi");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    String script = "";
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.startsWith("agi_network_script: ")) {
                            script = line.substring("agi_network_script: ".length());
                        }
                    }
                    scripts.add(script);
                    if (refuseAnswer && script.startsWith("answered?")) {
                        OutputStream out = socket.getOutputStream();
                        out.write("SET VARIABLE GOSUB_RESULT CHANUNAVAIL\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        in.readLine();
                    }
                    // Closing the socket ends the script, as Hotline does when a script is done.
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private SimulatedChannel runCallback(RecordingAgi agi, SeatPhone customer, CallerPhone seat,
                                         List<String> dialled) throws IOException {
        resources.add(agi);
        SimulatedAsterisk pbx = new SimulatedAsterisk(Dialplan.load(Path.of("..", "docs", "asterisk",
                "extensions.conf")), Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + agi.server.getLocalPort()));
        resources.add(pbx);
        pbx.install(customer);
        pbx.whenDialling(dialled::add);
        // What app_originate leaves on the seat's answered leg: the Originate's variables.
        SimulatedChannel leg = pbx.newChannel("PJSIP/1001", "02161234567", "Callback WO42", "s", null);
        Map.of("HOTLINE_CALL", "cb-7-1", "HOTLINE_SEAT", "S101", "HOTLINE_WORKORDER", "42",
                "HOTLINE_CALLBACK_ID", "7", "HOTLINE_CALLBACK_NUMBER", "02161234567",
                "HOTLINE_CALLBACK_ATTEMPT", "1").forEach(leg::set);
        leg.answer();
        pbx.runOn(leg, seat, "hotline-callback", "s");
        if (!leg.isHungUp()) {
            leg.hangUp("BYE from the PBX");
        }
        // Asterisk runs the context's h extension on every hang-up of the seat's leg.
        pbx.runOn(leg, seat, "hotline-callback", "h");
        return leg;
    }

    @Test
    void shouldDialTheCustomerOnceTheSeatIsAcceptedAndReportTheConversationOnce() throws IOException {
        RecordingAgi agi = new RecordingAgi(false);
        List<String> dialled = new ArrayList<>();

        SimulatedChannel leg = runCallback(agi, SeatPhone.answering(CUSTOMER, "Customer", 0).hangingUpAfter(5),
                CallerPhone.customer("1001", "Li Wei").talkingFor(60_000), dialled);

        assertThat(dialled).containsExactly(CUSTOMER);
        assertThat(agi.scripts).containsExactly("answered?call=cb-7-1&seat=S101",
                "callbackresult?call=cb-7-1&seat=S101&dialstatus=ANSWER&answered=");
        assertThat(leg.variable("CALLERID(all)")).isEqualTo("\"Hotline\" <4008001234>");
    }

    @Test
    void shouldReportACustomerWhoDoesNotAnswer() throws IOException {
        RecordingAgi agi = new RecordingAgi(false);

        runCallback(agi, SeatPhone.neverAnswering(CUSTOMER, "Customer"),
                CallerPhone.customer("1001", "Li Wei"), new ArrayList<>());

        assertThat(agi.scripts).containsExactly("answered?call=cb-7-1&seat=S101",
                "callbackresult?call=cb-7-1&seat=S101&dialstatus=NOANSWER&answered=");
    }

    @Test
    void shouldReportFromTheHExtensionWhenTheSeatHangsUpDuringTheConversation() throws IOException {
        RecordingAgi agi = new RecordingAgi(false);

        runCallback(agi, SeatPhone.answering(CUSTOMER, "Customer", 0),
                CallerPhone.customer("1001", "Li Wei").talkingFor(5), new ArrayList<>());

        assertThat(agi.scripts).containsExactly("answered?call=cb-7-1&seat=S101",
                "callbackresult?call=cb-7-1&seat=S101&dialstatus=ANSWER&answered=");
    }

    @Test
    void shouldDialNobodyAndReportNothingWhenHotlineTurnsTheSeatAway() throws IOException {
        RecordingAgi agi = new RecordingAgi(true);
        List<String> dialled = new ArrayList<>();

        runCallback(agi, SeatPhone.answering(CUSTOMER, "Customer", 0).hangingUpAfter(5),
                CallerPhone.customer("1001", "Li Wei"), dialled);

        assertThat(dialled).isEmpty();
        assertThat(agi.scripts).containsExactly("answered?call=cb-7-1&seat=S101");
    }

    @Test
    void shouldDialNobodyWhenHotlineCannotBeReachedToAcceptTheSeat() throws IOException {
        // given no FastAGI server at Hotline's address (the AGI fails: AGISTATUS=FAILURE)
        RecordingAgi agi = new RecordingAgi(false);
        agi.close();
        List<String> dialled = new ArrayList<>();

        SimulatedChannel leg = runCallback(agi, SeatPhone.answering(CUSTOMER, "Customer", 0).hangingUpAfter(5),
                CallerPhone.customer("1001", "Li Wei"), dialled);

        // then the customer is not called on nobody's say-so, and the h extension reports nothing
        assertThat(leg.variable("AGISTATUS")).isEqualTo("FAILURE");
        assertThat(dialled).isEmpty();
        assertThat(leg.variable("HOTLINE_CALLBACK_REPORTED")).isEqualTo("1");
    }
}
