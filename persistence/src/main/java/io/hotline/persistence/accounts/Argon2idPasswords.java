package io.hotline.persistence.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106) from BouncyCastle, stored as PHC strings
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in unpadded standard Base64). The
 * parameters are OWASP's minimum for Argon2id: 19 MiB, two passes, one lane. A stored string keeps its own
 * parameters, so raising them later still verifies older hashes.
 *
 * <p>{@link #verifyUnknown(char[])} does the work of a verification against a dummy hash, so that a sign-in with an
 * unknown login takes as long as one with a wrong password (no timing oracle for which logins exist). Comparison
 * is constant-time.
 *
 * <p>Thread-safe. Each call takes tens of milliseconds of CPU and 19 MiB: call it on a bounded executor, never on
 * an event loop or an engine thread.
 */
public final class Argon2idPasswords {
    /** Memory cost in KiB. */
    public static final int MEMORY_KIB = 19_456;
    /** Passes over the memory. */
    public static final int ITERATIONS = 2;
    /** Lanes. */
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})"
            + "\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{16,})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final String dummy;

    public Argon2idPasswords() {
        char[] unguessable = new char[24];
        for (int i = 0; i < unguessable.length; i++) {
            unguessable[i] = (char) ('a' + random.nextInt(26));
        }
        dummy = hash(unguessable);
    }

    /** A fresh salted PHC string of {@code password}. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code phc} was made from; false for a string that is not an Argon2id
     * PHC string of version 19 (after doing the work anyway).
     */
    public boolean verify(char[] password, String phc) {
        Objects.requireNonNull(password, "password");
        Matcher matcher = PHC.matcher(phc == null ? "" : phc);
        if (!matcher.matches()) {
            verifyUnknown(password);
            return false;
        }
        int memory = Integer.parseInt(matcher.group(1));
        int iterations = Integer.parseInt(matcher.group(2));
        int parallelism = Integer.parseInt(matcher.group(3));
        if (memory < 8 * parallelism || memory > 1 << 20 || iterations < 1 || parallelism < 1) {
            verifyUnknown(password);
            return false;
        }
        byte[] salt = DECODER.decode(matcher.group(4));
        byte[] expected = DECODER.decode(matcher.group(5));
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The same work as a {@link #verify} against a real hash, for a login without an account; always false. */
    public boolean verifyUnknown(char[] password) {
        verify(password, dummy);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(utf8, out);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return out;
    }
}
