package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code ./hotline}: the JVM flags it always passes make a process that runs out of memory
 * exit at once (for its supervisor to restart it), and it raises the open-file limit. Runs the launcher's own
 * lines, read from the script, in child processes.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "hotline");
    private static final Pattern JVM_FLAGS = Pattern.compile("(?m)^jvm_flags=\\(([^)]*)\\)$");

    private Process child;

    @AfterEach
    void kill() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> launcherJvmFlags() throws IOException {
        Matcher flags = JVM_FLAGS.matcher(Files.readString(LAUNCHER));
        assertThat(flags.find()).as("the launcher's jvm_flags=(...) line").isTrue();
        return Arrays.asList(flags.group(1).strip().split("\\s+"));
    }

    @Test
    void shouldExitPromptlyWhenAJvmRunWithTheLaunchersFlagsRunsOutOfMemory() throws Exception {
        // given: a small heap and a process that would otherwise live on after the OutOfMemoryError
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m", "-XX:+UseSerialGC"));
        command.addAll(launcherJvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OutOfMemoryVictim.class.getName()));

        // when
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean exited = child.waitFor(30, TimeUnit.SECONDS);

        // then: it exits with the JVM's status 3 for ExitOnOutOfMemoryError; no shutdown hook runs (so a MariaDB
        // left behind is the next start's to stop)
        assertThat(exited).as("exited within 30 s").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("Terminating due to java.lang.OutOfMemoryError")
                .doesNotContain("process lives on").doesNotContain("shutdown hook ran");
    }

    @Test
    void shouldRaiseTheOpenFileSoftLimitToTheHardLimit() throws Exception {
        // given: a shell with a low soft limit, as many systems start services
        String script = "ulimit -Sn 256; eval \"$(sed -n '/^raise_open_file_limit()/,/^}/p' " + LAUNCHER
                + ")\"; raise_open_file_limit; echo \"$(ulimit -Sn) $(ulimit -Hn)\"";

        // when
        child = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // then
        String[] limits = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                .split(" ");
        assertThat(limits).hasSize(2);
        assertThat(limits[0]).as("soft limit").isEqualTo(limits[1].equals("unlimited") ? limits[0] : limits[1]);
        assertThat(limits[0]).isNotEqualTo("256");
    }
}
