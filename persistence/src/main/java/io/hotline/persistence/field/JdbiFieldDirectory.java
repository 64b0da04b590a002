package io.hotline.persistence.field;

import io.hotline.routing.field.Branch;
import io.hotline.routing.field.DutyWindow;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.GeoPoint;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the {@link FieldDirectory} the desk dispatches to: every active branch ({@code branch}) with the regions
 * it covers ({@code branch_region}), its weekly roster ({@code branch_duty_shift}: one {@link DutyWindow} per
 * shift, with the manager's phone) and the product lines it serves, and every field engineer
 * ({@code field_engineer}, with their registered mobile and whether they are active).
 * <p>
 * A branch's product lines are the union of the product-line skills ({@code skill.kind = 'PRODUCT_LINE'}) of its
 * engineers ({@code field_engineer_skill}); a branch whose engineers have none is known to serve no particular line,
 * and so (as {@link Branch#productLines()} says of an empty set) serves every line. A shift ending at
 * {@code 23:59:59} runs to midnight ({@link LocalTime#MAX}): the column cannot say 24:00, and a roster written
 * {@code 00:00-23:59:59} means all day. Blocking; thread-safe.
 */
public final class JdbiFieldDirectory {
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private final Jdbi jdbi;

    /** @param jdbi Hotline's database ({@code Database.jdbi()}) */
    public JdbiFieldDirectory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The branches and engineers as the database holds them now; in code order. Blocks on I/O. */
    public FieldDirectory load() {
        return jdbi.inTransaction(JdbiFieldDirectory::read);
    }

    private static FieldDirectory read(Handle handle) {
        Map<Long, Set<String>> regions = new HashMap<>();
        handle.createQuery("SELECT branch_id, region FROM branch_region")
                .map((row, context) -> regions.computeIfAbsent(row.getLong("branch_id"), id -> new TreeSet<>())
                        .add(row.getString("region")))
                .list();
        Map<Long, List<DutyWindow>> rosters = new HashMap<>();
        handle.createQuery("SELECT branch_id, day_of_week, starts_at, ends_at, manager_name, manager_phone"
                        + " FROM branch_duty_shift ORDER BY branch_id, day_of_week, starts_at")
                .map((row, context) -> rosters.computeIfAbsent(row.getLong("branch_id"), id -> new ArrayList<>())
                        .add(new DutyWindow(DayOfWeek.of(row.getInt("day_of_week")),
                                row.getObject("starts_at", LocalTime.class),
                                end(row.getObject("ends_at", LocalTime.class)), row.getString("manager_name"),
                                row.getString("manager_phone"))))
                .list();
        Map<Long, Set<String>> productLines = new HashMap<>();
        handle.createQuery("SELECT DISTINCT e.branch_id, s.code FROM field_engineer e"
                        + " JOIN field_engineer_skill fes ON fes.engineer_id = e.id"
                        + " JOIN skill s ON s.id = fes.skill_id WHERE s.kind = 'PRODUCT_LINE'")
                .map((row, context) -> productLines.computeIfAbsent(row.getLong("branch_id"), id -> new TreeSet<>())
                        .add(row.getString("code")))
                .list();
        Map<Long, Branch> branches = new LinkedHashMap<>();
        handle.createQuery("SELECT id, code, name, latitude, longitude, time_zone, duty_manager_phone FROM branch"
                        + " WHERE active ORDER BY code")
                .map((row, context) -> {
                    long id = row.getLong("id");
                    String code = row.getString("code");
                    try {
                        return Map.entry(id, new Branch(code, row.getString("name"),
                                new GeoPoint(row.getDouble("latitude"), row.getDouble("longitude")),
                                ZoneId.of(row.getString("time_zone")), regions.getOrDefault(id, Set.of()),
                                productLines.getOrDefault(id, Set.of()), row.getString("duty_manager_phone"),
                                rosters.getOrDefault(id, List.of())));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("branch " + code + " cannot be read: " + e.getMessage(), e);
                    }
                })
                .forEach(entry -> branches.put(entry.getKey(), entry.getValue()));
        List<Engineer> engineers = handle.createQuery("SELECT e.code, b.code AS branch_code, e.name,"
                        + " e.mobile_phone, e.active FROM field_engineer e JOIN branch b ON b.id = e.branch_id"
                        + " ORDER BY e.code")
                .map((row, context) -> new Engineer(row.getString("code"), row.getString("branch_code"),
                        row.getString("name"), row.getString("mobile_phone"), row.getBoolean("active")))
                .list();
        return new FieldDirectory(new ArrayList<>(branches.values()), engineers);
    }

    private static LocalTime end(LocalTime endsAt) {
        return endsAt.equals(LAST_SECOND) ? LocalTime.MAX : endsAt;
    }
}
