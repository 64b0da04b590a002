package io.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/asterisk/manager.conf} merges into any {@code manager.conf} as the docs say (appended): it brings
 * only the {@code [hotline]} user, never a second {@code [general]}, and grants what Hotline's AMI client uses.
 */
class ShippedManagerConfTest {

    @Test
    void shouldHoldOnlyTheHotlineUserSection() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "asterisk", "manager.conf"));
        List<String> settings = lines.stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith(";")).toList();

        assertThat(settings.stream().filter(line -> line.startsWith("["))).containsExactly("[hotline]");
        assertThat(settings.get(0)).as("no setting before the section would land in the previous one")
                .isEqualTo("[hotline]");
        assertThat(settings).contains("read = call,agent,system,reporting", "write = call,originate,reporting")
                .anyMatch(line -> line.startsWith("secret = "))
                .noneMatch(line -> Stream.of("enabled", "port", "bindaddr", "timestampevents")
                        .anyMatch(general -> line.startsWith(general + " ")));
        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("keepalive =");
    }
}
