package io.hotline.persistence.dao;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Branches: where they are (for nearest-branch dispatch), which regions they cover, and who is on duty to
 * receive a dispatch order. Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its handle's
 * thread when attached.
 */
@RegisterConstructorMapper(BranchRow.class)
@RegisterConstructorMapper(DutyShiftRow.class)
public interface BranchDao {

    /** The columns of {@code branch}, in {@link BranchRow}'s order. */
    String COLUMNS = "b.id, b.code, b.name, b.city, b.province, b.address, b.latitude, b.longitude, b.time_zone,"
            + " b.duty_manager_name, b.duty_manager_phone, b.active";

    /** Inserts a branch; returns its id. Fails on a duplicate code. */
    @SqlUpdate("INSERT INTO branch (code, name, city, province, address, latitude, longitude, time_zone,"
            + " duty_manager_name, duty_manager_phone, active) VALUES (:code, :name, :city, :province, :address,"
            + " :latitude, :longitude, :timeZone, :dutyManagerName, :dutyManagerPhone, :active)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods BranchRow branch);

    /** Records the customer regions a branch covers, in one batch. */
    @SqlBatch("INSERT INTO branch_region (branch_id, region) VALUES (:branchId, :region)")
    void addRegions(@Bind("branchId") long branchId, @Bind("region") Iterable<String> regions);

    /** Records weekly duty shifts, in one batch. Fails on two shifts of a branch starting at the same slot. */
    @SqlBatch("INSERT INTO branch_duty_shift (branch_id, day_of_week, starts_at, ends_at, manager_name,"
            + " manager_phone) VALUES (:branchId, :dayOfWeek, :startsAt, :endsAt, :managerName, :managerPhone)")
    void addDutyShifts(@BindMethods Iterable<DutyShiftRow> shifts);

    /** Every active branch with its coordinates, by code: the candidates for nearest-branch dispatch. */
    @SqlQuery("SELECT " + COLUMNS + " FROM branch b WHERE b.active = TRUE ORDER BY b.code")
    List<BranchRow> listActive();

    /** The active branches that cover a customer region, by code. */
    @SqlQuery("SELECT " + COLUMNS + " FROM branch b JOIN branch_region r ON r.branch_id = b.id"
            + " WHERE r.region = :region AND b.active = TRUE ORDER BY b.code")
    List<BranchRow> listActiveByRegion(@Bind("region") String region);

    /**
     * The shift on duty at a branch-local day and time: {@code startsAt <= time < endsAt}. Shifts are not
     * prevented from overlapping; if they do, the one that started last wins.
     */
    @SqlQuery("SELECT id, branch_id, day_of_week, starts_at, ends_at, manager_name, manager_phone"
            + " FROM branch_duty_shift WHERE branch_id = :branchId AND day_of_week = :dayOfWeek"
            + " AND starts_at <= :time AND ends_at > :time ORDER BY starts_at DESC LIMIT 1")
    Optional<DutyShiftRow> findOnDuty(@Bind("branchId") long branchId, @Bind("dayOfWeek") int isoDayOfWeek,
                                      @Bind("time") LocalTime localTime);

    /** The shift on duty at a branch at an instant, read in the branch's own time zone. */
    default Optional<DutyShiftRow> findOnDuty(BranchRow branch, Instant at) {
        ZonedDateTime local = at.atZone(branch.zone());
        DayOfWeek day = local.getDayOfWeek();
        return findOnDuty(branch.id(), day.getValue(), local.toLocalTime());
    }
}
