package io.hotline.app;

import io.hotline.persistence.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hotline per data directory: {@code run}, {@code seed} and {@code migrate} hold an exclusive lock on
 * {@value #FILE} in HOTLINE_DATA_DIR for as long as they use it, so a second one says at once who has it instead
 * of waiting on MariaDB's InnoDB lock or writing the same routing journal. The file holds the holder's pid and
 * command; the operating system releases the lock when the process dies, whatever the way. The file itself
 * stays (deleting it would let two processes lock two different files). Thread-safe; one lifecycle thread
 * acquires and closes each lock.
 */
final class DataDirectoryLock implements AutoCloseable {
    /** The lock file's name in the data directory. */
    static final String FILE = "hotline.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLock.class);
    /**
     * The directories this JVM holds: a second lock attempt from this JVM must not even open the file, since
     * closing any descriptor of a file drops every POSIX lock the process holds on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the data directory if needed (owner-only) and locks it for {@code command}.
     *
     * @throws DataDirectoryInUseException when another Hotline holds it
     * @throws io.hotline.ops.config.InvalidSettingException when HOTLINE_DATA_DIR cannot be created or written
     * @throws UncheckedIOException when the directory cannot be created or written
     */
    static DataDirectoryLock acquire(Path dataDir, String command) {
        Path directory = dataDir.toAbsolutePath().normalize();
        StartupChecks.dataDirectory(directory);
        if (!HELD.add(directory)) {
            throw inUse("pid " + ProcessHandle.current().pid() + ", this process", directory);
        }
        FileChannel channel = null;
        try {
            prepare(directory);
            Path file = directory.resolve(FILE);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(Files.readString(file, StandardCharsets.UTF_8).strip(), directory);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", hotline " + command + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(directory);
            throw new UncheckedIOException("cannot lock data directory " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(directory);
            throw e;
        }
    }

    private static DataDirectoryInUseException inUse(String holder, Path directory) {
        return new DataDirectoryInUseException("another Hotline (" + (holder.isEmpty() ? "pid unknown" : holder)
                + ") uses data directory " + directory + ": stop it first, or give this one another "
                + "HOTLINE_DATA_DIR");
    }

    private static void prepare(Path directory) {
        if (!Files.isDirectory(directory)) {
            OwnerOnly.directory(directory);
            return;
        }
        try {
            OwnerOnly.restrict(directory);
        } catch (IOException e) {
            // Someone else's directory that this user may write: use it as it is, but say so.
            LOG.warn("Cannot make data directory {} owner-only (0700): {}", directory, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing the lock file failed", e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the data-directory lock failed", e);
        }
        closeQuietly(channel);
        HELD.remove(directory);
    }
}
