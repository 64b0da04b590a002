package io.hotline.persistence.dao;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Field engineers. An SMS check-in is trusted only from the engineer's registered mobile, so
 * {@link #findByMobilePhone(String)} is how the SMS webhook authenticates a sender. Thread-safe when obtained
 * with {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(FieldEngineerRow.class)
public interface FieldEngineerDao {

    /** Inserts an engineer; returns the id. Fails on a duplicate code or mobile ({@code uq_field_engineer_*}). */
    @SqlUpdate("INSERT INTO field_engineer (code, branch_id, name, mobile_phone, active)"
            + " VALUES (:code, :branchId, :name, :mobilePhone, :active)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods FieldEngineerRow engineer);

    /**
     * The engineer registered with this mobile number, whatever its formatting; empty for an unknown number
     * or one that is not a phone number at all. The row is returned even when the engineer is inactive: the
     * caller must check {@link FieldEngineerRow#active()} before trusting the message.
     */
    default Optional<FieldEngineerRow> findByMobilePhone(String mobilePhone) {
        return PhoneNumbers.tryNormalise(mobilePhone).flatMap(this::findByNormalisedMobilePhone);
    }

    /** {@link #findByMobilePhone(String)} for an already normalised number. */
    @SqlQuery("SELECT id, code, branch_id, name, mobile_phone, active FROM field_engineer"
            + " WHERE mobile_phone = :mobilePhone")
    Optional<FieldEngineerRow> findByNormalisedMobilePhone(@Bind("mobilePhone") String normalisedMobilePhone);

    /** The branch's engineers, active or not, by code. */
    @SqlQuery("SELECT id, code, branch_id, name, mobile_phone, active FROM field_engineer"
            + " WHERE branch_id = :branchId ORDER BY code")
    List<FieldEngineerRow> listByBranch(@Bind("branchId") long branchId);
}
