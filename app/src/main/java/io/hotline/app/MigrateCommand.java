package io.hotline.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hotline migrate}: brings the database schema up to date and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (run also does this at every start) and exit.")
final class MigrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HotlineConfiguration config = LoadedSettings.load();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.database().dataDir(), "migrate");
             OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            spec.commandLine().getOut().println("Database schema is up to date.");
        }
        return 0;
    }
}
