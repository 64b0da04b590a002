package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A flow that does not finish explains itself: what each channel of the call waits for, and what it went through. */
class SimulatedAsteriskTest {

    @Test
    void shouldSayWhatACallThatDoesNotFinishIsWaitingFor() throws Exception {
        try (ServerSocket silentHotline = new ServerSocket(0)) {
            String agi = "agi://127.0.0.1:" + silentHotline.getLocalPort();
            SimulatedAsterisk pbx = new SimulatedAsterisk(Dialplan.load(Path.of("..", "docs", "asterisk",
                    "extensions.conf")), Map.of("HOTLINE_AGI", agi));
            pbx.alsoReport(channel -> "Hotline's view of " + channel.linkedId() + ": never answered");

            SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer("+4930123499", "Waiting Customer"),
                    "hotline-inbound", "4008001234");
            try (Socket session = silentHotline.accept()) {
                BufferedReader environment = new BufferedReader(new InputStreamReader(session.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                do {
                    line = environment.readLine();
                } while (line != null && !line.isEmpty());
                assertThatThrownBy(() -> call.finishedWithin(Duration.ofMillis(500)))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("the call of " + call.channel().name() + " did not finish within PT0.5S")
                        .hasMessageContaining("doing: in AGI(" + agi + "/route?dnis=4008001234): waiting for Hotline's"
                                + " first command")
                        .hasMessageContaining("experience: [answered]")
                        .hasMessageContaining("hotline-inbound,_X.,4: AGI(" + agi + "/route?dnis=4008001234)")
                        .hasMessageContaining("io.hotline.app.simulate.AgiLeg.converse(")
                        .hasMessageContaining("Hotline's view of " + call.channel().linkedId() + ": never answered");
            }
            // Hotline closed the session without a word: the caller goes on to the fallback queue.
            assertThat(call.finished().get(10, TimeUnit.SECONDS).experience()).contains("queued in hotline-fallback");
        }
    }
}
