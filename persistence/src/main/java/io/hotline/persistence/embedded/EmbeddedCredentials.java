package io.hotline.persistence.embedded;

import io.hotline.persistence.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The embedded server's one account for Hotline, {@value #USER}, and its generated password, kept in the
 * owner-only file {@value #PASSWORD_FILE} of the server's directory.
 * <p>
 * Without that file (a first start, or a directory written by a Hotline that ran the server without grant
 * tables) a new password is generated and the server is started with an init file that creates the account and
 * removes the anonymous accounts with their grants (on the {@code test} databases); no data is dropped. Only
 * once the server is up and the password works is it written to the file ({@link #commit}). The init file holds
 * the password's hash, never the password. Immutable; not shared between threads.
 */
final class EmbeddedCredentials {
    /** The account Hotline uses, on 127.0.0.1 (TCP) and localhost (the socket). */
    static final String USER = "hotline";
    /** The password file's name in the server's directory. */
    static final String PASSWORD_FILE = "password";
    /** The init file's name; it lives only while a server with a new password starts. */
    static final String INIT_FILE = "init.sql";

    private static final int PASSWORD_BYTES = 24;

    private final String password;
    private final boolean pending;

    private EmbeddedCredentials(String password, boolean pending) {
        this.password = password;
        this.pending = pending;
    }

    /** The password in {@code directory}'s password file, or a new one waiting to be set and committed. */
    static EmbeddedCredentials load(Path directory) throws IOException {
        Path file = directory.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            OwnerOnly.restrict(file);
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return new EmbeddedCredentials(stored, false);
            }
        }
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return new EmbeddedCredentials(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
    }

    /** Whether the server does not know this password yet: it must start with {@link #writeInitFile}. */
    boolean pending() {
        return pending;
    }

    String password() {
        return password;
    }

    /** Writes the owner-only init file that sets up the account with this password; returns its path. */
    Path writeInitFile(Path directory) throws IOException {
        String hash = nativePasswordHash(password);
        // One statement per line: mariadbd reads an init file line by line.
        List<String> statements = List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE OR REPLACE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY PASSWORD '" + hash + "';",
                "CREATE OR REPLACE USER '" + USER + "'@'localhost' IDENTIFIED BY PASSWORD '" + hash + "';",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION;",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;",
                "FLUSH PRIVILEGES;");
        Path file = directory.resolve(INIT_FILE);
        OwnerOnly.writeString(file, String.join("\n", statements) + "\n");
        return file;
    }

    /** Keeps the password in the owner-only password file, for the next starts and for the operator. */
    void commit(Path directory) throws IOException {
        OwnerOnly.writeString(directory.resolve(PASSWORD_FILE), password + "\n");
    }

    /** MySQL's {@code mysql_native_password} hash: {@code *} and upper-case hex of SHA1(SHA1(password)). */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().formatHex(sha1.digest(once)).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
