package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hotline simulate}'s options: seat lists and durations as written, and bad options refused with exit 2. */
class SimulateCommandTest {

    @Test
    void shouldReadSeatNumbersEndpointsAndRanges() {
        assertThat(SimulateCommand.endpoints(List.of("1001-1003", "PJSIP/2001", "3001")))
                .containsExactly("PJSIP/1001", "PJSIP/1002", "PJSIP/1003", "PJSIP/2001", "PJSIP/3001");
        assertThatThrownBy(() -> SimulateCommand.endpoints(List.of("1003-1001")))
                .hasMessageContaining("--seats: range 1003-1001");
        assertThatThrownBy(() -> SimulateCommand.endpoints(List.of("10 01")))
                .hasMessageContaining("is not an endpoint, number or range");
    }

    @Test
    void shouldReadDurationsAsTheSettingsAreWritten() {
        SimulateCommand.DurationConverter converter = new SimulateCommand.DurationConverter();

        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void shouldRefuseBadOptionsWithExitTwoAndTheReason() {
        assertThat(run("simulate", "--dialplan", "../docs/asterisk/extensions.conf", "--rate", "0"))
                .isEqualTo("2 --rate must be between 0 and 6000 calls a minute, not 0.0");
        assertThat(run("simulate", "--dialplan", "no-such-file.conf")).startsWith("2 --dialplan: no file ");
        assertThat(run("simulate", "--dialplan", "../docs/asterisk/extensions.conf", "--agi", "http://x"))
                .startsWith("2 --agi must look like agi://127.0.0.1:4573");
    }

    /** The exit code and the first line of stderr. */
    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new HotlineMain());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int code = commandLine.execute(args);
        return code + " " + err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }
}
