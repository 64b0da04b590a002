package io.hotline.app;

import io.hotline.ops.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hotline config}: validates the configuration and shows every setting with its source; secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Validate the configuration (environment and HOTLINE_CONFIG_FILE) as run would, also that "
                + "the data directory is writable and the ports are free, and show every setting with where its "
                + "value came from. Secrets are masked. Exit 2 when run would refuse to start."})
final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.load(System.getenv());
        StartupChecks.all(HotlineConfiguration.from(settings));
        settings.describe().forEach(spec.commandLine().getOut()::println);
        settings.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
        return 0;
    }
}
