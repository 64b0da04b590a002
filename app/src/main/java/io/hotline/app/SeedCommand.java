package io.hotline.app;

import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.seed.SeedReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline seed --demo}: loads the demo organisation; loading it again adds nothing. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Load data into the database (migrating it first).",
                "--demo loads the deterministic demo organisation: product lines and modules as skills, ~40 seats,",
                "42 branches with duty rosters and field engineers, ~500 customers. Safe to repeat."})
final class SeedCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Load the demo organisation.")
    private boolean demo;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!demo) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Say what to seed: --demo");
        }
        HotlineConfiguration config = LoadedSettings.load();
        try (OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            SeedReport report = DemoSeed.load(database.database().jdbi());
            spec.commandLine().getOut().println("Demo organisation loaded: " + report);
        }
        return 0;
    }
}
