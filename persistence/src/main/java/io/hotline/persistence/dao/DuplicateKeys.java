package io.hotline.persistence.dao;

import java.sql.SQLException;
import java.util.Objects;

/**
 * Recognises a duplicate-key failure, for the insert-then-catch idiom that keeps writes idempotent without
 * MySQL-only {@code INSERT ... AS new} or the deprecated {@code VALUES(col)}. MySQL and MariaDB both report a
 * duplicate as error 1062 ({@code ER_DUP_ENTRY}, SQLState 23000); foreign-key and CHECK violations share the
 * SQLState but not the code, so the code is what is tested and they are never mistaken for a duplicate. The key
 * is named in the message: {@code for key 'uq_x'} on MariaDB, {@code for key 'table.uq_x'} on MySQL 8.
 * Stateless and thread-safe.
 */
public final class DuplicateKeys {
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_DUP_ENTRY_WITH_KEY_NAME = 1586;
    private static final String FOR_KEY = "for key '";

    private DuplicateKeys() {
    }

    /**
     * Whether {@code error} or one of its causes is a duplicate entry for the unique key {@code keyName}.
     *
     * @param error   what a statement threw (a Jdbi exception wrapping the driver's {@link SQLException})
     * @param keyName the constraint name as written in the migration, e.g. {@code uq_work_order_call}
     */
    public static boolean isDuplicateOf(Throwable error, String keyName) {
        Objects.requireNonNull(keyName, "keyName");
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException && isDuplicateEntry((SQLException) cause)
                    && keyName.equals(keyNameIn(cause.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicateEntry(SQLException error) {
        int code = error.getErrorCode();
        return code == ER_DUP_ENTRY || code == ER_DUP_ENTRY_WITH_KEY_NAME;
    }

    /** The key named at the end of a duplicate-entry message, without MySQL 8's table prefix; null if none. */
    static String keyNameIn(String message) {
        if (message == null) {
            return null;
        }
        // lastIndexOf: the duplicate value itself, quoted earlier in the message, may contain the phrase.
        int start = message.lastIndexOf(FOR_KEY);
        int end = message.lastIndexOf('\'');
        if (start < 0 || end < start + FOR_KEY.length()) {
            return null;
        }
        String key = message.substring(start + FOR_KEY.length(), end);
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
