package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator's FastAGI side looks like the recorded Asterisk 22 to a server: environment, replies, HANGUP. */
class AgiLegTest {
    private static final Path RECORDED = Path.of("..", "testdata", "asterisk-transcripts",
            "16-dial-g-seat-hangs-up-caller-continues.agi3-recv.raw");

    @Test
    void shouldSendTheRecordedEnvironmentAndAnswerAsAsterisk() throws Exception {
        List<String> commands = List.of("GET VARIABLE CHANNEL(linkedid)", "GET VARIABLE NO_SUCH_VARIABLE",
                "STREAM FILE hotline/survey-prompt \"12345\"", "SET VARIABLE HOTLINE_SURVEY_SCORE \"4\"",
                "GET VARIABLE HOTLINE_SURVEY_SCORE", "THIS IS NOT A COMMAND", "SET MUSIC ON default",
                "STREAM FILE beep \"\"");
        SimulatedAsterisk pbx = new SimulatedAsterisk(Dialplan.parse("[globals]\n"), Map.of());
        CallerPhone caller = CallerPhone.customer("+4930123418", "Survey Customer")
                .pressing("hotline/survey-prompt", '4').hangingUpOnHold();
        SimulatedChannel channel = pbx.newChannel("PJSIP/carrier", caller.number(), caller.displayName(), "600",
                null);
        channel.moveTo("inbound", "600", "600", 7);
        channel.answer();

        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> serve(server, commands));
            boolean goesOn = new AgiLeg(channel, new AgiReplies(channel, pbx.substitution(), caller, pbx))
                    .run("agi://127.0.0.1:" + server.getLocalPort() + "/survey?dialstatus=ANSWER", List.of());
            List<String> lines = heard.get(10, TimeUnit.SECONDS);

            List<String> recorded = Files.readAllLines(RECORDED, StandardCharsets.UTF_8);
            assertThat(keys(lines.subList(0, lines.indexOf("")))).isEqualTo(keys(recorded.subList(0, 22)));
            assertThat(lines).contains("agi_network_script: survey?dialstatus=ANSWER", "agi_channel: " + channel.name(),
                    "agi_callerid: +4930123418", "agi_extension: 600", "agi_priority: 7");
            assertThat(lines.subList(lines.indexOf("") + 1, lines.size())).containsExactly(
                    "200 result=1 (" + channel.linkedId() + ")", "200 result=0", "200 result=52 endpos=8000",
                    "200 result=1", "200 result=1 (4)", "510 Invalid or unknown command", "200 result=0", "HANGUP",
                    "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(goesOn).isFalse();
            assertThat(channel.variable("AGISTATUS")).isEqualTo("HANGUP");
        }
    }

    @Test
    void shouldEndTheAgiAsResAgiDoesWhenTheServerResetsBeforeItsFirstCommand() throws Exception {
        // given a server that reads the request and resets the connection before its first command (a Hotline
        // stopping). It reads the whole environment first: a reset while Asterisk still writes it fails the send,
        // which res_agi's launch_netscript reports as FAILURE, a different edge.
        SimulatedAsterisk pbx = new SimulatedAsterisk(Dialplan.parse("[globals]\n"), Map.of());
        CallerPhone caller = CallerPhone.customer("+4930123418", "Reset Customer");
        SimulatedChannel channel = pbx.newChannel("PJSIP/carrier", caller.number(), caller.displayName(), "600",
                null);
        channel.moveTo("inbound", "600", "600", 1);
        channel.answer();
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // the request's environment, up to its blank line
                    }
                    socket.setSoLinger(true, 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            // when
            boolean goesOn = new AgiLeg(channel, new AgiReplies(channel, pbx.substitution(), caller, pbx))
                    .run("agi://127.0.0.1:" + server.getLocalPort() + "/hangup", List.of());
            reset.get(10, TimeUnit.SECONDS);

            // then run_agi reads the reset as the script's end: the dialplan goes on, AGISTATUS is not FAILURE
            assertThat(goesOn).isTrue();
            assertThat(channel.variable("AGISTATUS")).isEqualTo("SUCCESS");
            assertThat(channel.experience()).anySatisfy(line -> assertThat(line).startsWith("AGI ended by the server"));
        }
    }

    /** A FastAGI server that sends {@code commands} one by one and returns every line it got. */
    private static List<String> serve(ServerSocket server, List<String> commands) {
        List<String> lines = new ArrayList<>();
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                lines.add(line);
            }
            lines.add("");
            for (String command : commands) {
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                lines.add(reply);
                if ("HANGUP".equals(reply)) {
                    lines.add(in.readLine());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(List<String> environment) {
        return environment.stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
    }
}
