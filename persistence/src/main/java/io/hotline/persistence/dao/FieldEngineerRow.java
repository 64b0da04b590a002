package io.hotline.persistence.dao;

import java.util.Objects;

/**
 * A {@code field_engineer} row. The mobile phone is unique and normalised: an SMS check-in is trusted only
 * from it. Immutable.
 *
 * @param id          the database key; ignored on insert, which returns the generated one
 * @param code        the staff code
 * @param branchId    the engineer's branch
 * @param name        the engineer's name
 * @param mobilePhone the registered mobile, normalised by the constructor
 * @param active      whether the engineer can be assigned (and whose SMS are accepted)
 */
public record FieldEngineerRow(long id, String code, long branchId, String name, String mobilePhone,
                               boolean active) {

    public FieldEngineerRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        mobilePhone = PhoneNumbers.normalise(mobilePhone);
    }
}
