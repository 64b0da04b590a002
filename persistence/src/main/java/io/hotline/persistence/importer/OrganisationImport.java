package io.hotline.persistence.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./hotline import}: reads the organisation's CSV files from a directory, checks every row, every reference
 * and every unique value against the files and the database, and only when nothing is wrong writes what differs
 * from the database, by natural key (skill, seat, branch, engineer and customer codes; a branch's shifts by day and
 * start; a customer's products by product line), all in one transaction. Nothing is ever deleted but a roster
 * shift or installed product no longer listed for a branch or customer the file lists. A second import of the
 * same files changes nothing. A dry run does everything but write.
 *
 * <p>Stateless and thread-safe; blocks on I/O. Needs a Jdbi configured as {@code Database} does (instants bound as
 * UTC). Two imports into the same database at once may deadlock one of them, which then writes nothing.
 */
public final class OrganisationImport {
    private static final Logger LOG = LoggerFactory.getLogger(OrganisationImport.class);

    private OrganisationImport() {
    }

    /**
     * Imports the files in {@code directory}.
     *
     * @param dryRun check and count the changes, write nothing
     * @throws ImportException if the directory is missing or holds none of the import files
     */
    public static ImportOutcome run(Jdbi jdbi, Path directory, boolean dryRun) {
        return run(jdbi, directory, dryRun, Clock.systemUTC());
    }

    static ImportOutcome run(Jdbi jdbi, Path directory, boolean dryRun, Clock clock) {
        long started = System.nanoTime();
        Problems problems = new Problems();
        if (!ImportFiles.anyPresent(directory)) {
            throw new ImportException("'" + directory + "' holds none of the import files ("
                    + String.join(", ", ImportFiles.NAMES) + ")");
        }
        Specs.Files files = ImportFiles.read(directory, problems);
        ImportOutcome outcome = jdbi.inTransaction(handle -> {
            StoredOrganisation stored = StoredOrganisation.read(handle, files);
            ImportChecks.check(files, stored, problems);
            if (!problems.isEmpty()) {
                handle.rollback();
                return new ImportOutcome(problems.sorted(ImportFiles.NAMES), null);
            }
            ImportPlan plan = ImportPlan.of(files, stored);
            if (dryRun) {
                handle.rollback();
            } else {
                write(handle, plan, stored, clock.instant());
            }
            return new ImportOutcome(List.of(), plan.summary(!dryRun));
        });
        LOG.info("Import of {} {} in {} ms", directory, outcome.succeeded() ? outcome.summary().changed()
                        + (dryRun ? " changes found (dry run)" : " changes written") : "refused",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return outcome;
    }

    private static void write(Handle handle, ImportPlan plan, StoredOrganisation stored, Instant now) {
        Batches batches = new Batches(handle);
        Map<String, Long> skills = new StaffWriter(batches, plan, stored).write(now);
        new CustomerWriter(batches, plan).write(skills, now);
    }
}
