package io.hotline.persistence.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes the planned skills, seats, branches with their rosters and field engineers. A written seat's or
 * engineer's skills and a written branch's regions are replaced by the file's list. A SIP endpoint or mobile that
 * moves between two rows is first parked on a placeholder ({@code #<id>}), so the swap never meets the unique key
 * half-way. Single use; confined to the handle's thread, inside the import's transaction.
 */
final class StaffWriter {
    private final Batches batches;
    private final ImportPlan plan;
    private final StoredOrganisation stored;

    StaffWriter(Batches batches, ImportPlan plan, StoredOrganisation stored) {
        this.batches = batches;
        this.plan = plan;
        this.stored = stored;
    }

    /** Writes them; returns every skill's id by code, for the products. */
    Map<String, Long> write(Instant now) {
        Map<String, Long> skills = writeSkills();
        writeSeats(skills, now);
        Map<String, Long> branches = writeBranches();
        writeShifts(branches);
        writeEngineers(branches, skills);
        return skills;
    }

    private Map<String, Long> writeSkills() {
        batches.run("INSERT INTO skill (code, name, kind) VALUES (:code, :name, :kind)", plan.skills.added,
                (batch, skill) -> batch.bind("code", skill.code()).bind("name", skill.name())
                        .bind("kind", skill.kind().name()));
        batches.run("UPDATE skill SET name = :name, kind = :kind WHERE id = :id", plan.skills.updated.entrySet(),
                (batch, entry) -> batch.bind("id", entry.getKey()).bind("name", entry.getValue().name())
                        .bind("kind", entry.getValue().kind().name()));
        Map<String, Long> ids = batches.handle().createQuery("SELECT id, code FROM skill")
                .map((row, context) -> Map.entry(row.getString("code"), row.getLong("id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Parents after every skill exists, so a module may come before its product line in the file.
        batches.run("UPDATE skill SET parent_id = :parent WHERE id = :id", plan.skills.written(),
                (batch, skill) -> batch.bind("id", ids.get(skill.code()))
                        .bind("parent", skill.parent() == null ? null : ids.get(skill.parent())));
        return ids;
    }

    private void writeSeats(Map<String, Long> skills, Instant now) {
        park("seat", "sip_endpoint", plan.seats.updated.entrySet().stream()
                .filter(entry -> !stored.seats.get(entry.getValue().code()).sipEndpoint()
                        .equals(entry.getValue().sipEndpoint())).map(Map.Entry::getKey).toList());
        batches.run("INSERT INTO seat (code, name, tier, sip_endpoint, active, created_at)"
                        + " VALUES (:code, :name, :tier, :endpoint, :active, :now)", plan.seats.added,
                (batch, seat) -> bindSeat(batch.bind("code", seat.code()).bind("now", now), seat));
        batches.run("UPDATE seat SET name = :name, tier = :tier, sip_endpoint = :endpoint, active = :active"
                + " WHERE id = :id", plan.seats.updated.entrySet(),
                (batch, entry) -> bindSeat(batch.bind("id", entry.getKey()), entry.getValue()));
        Map<String, Long> ids = batches.ids("seat", plan.seats.written().stream().map(Specs.Seat::code).toList());
        batches.byId("DELETE FROM seat_skill WHERE seat_id = :id", plan.seats.updated.keySet());
        batches.run("INSERT INTO seat_skill (seat_id, skill_id, proficiency) VALUES (:seat, :skill, :level)",
                levels(plan.seats.written().stream().collect(Collectors.toMap(seat -> ids.get(seat.code()),
                        Specs.Seat::skills)), skills),
                (batch, level) -> batch.bind("seat", level.owner()).bind("skill", level.skill())
                        .bind("level", level.proficiency()));
    }

    private static void bindSeat(PreparedBatch batch, Specs.Seat seat) {
        batch.bind("name", seat.name()).bind("tier", seat.tier().name()).bind("endpoint", seat.sipEndpoint())
                .bind("active", seat.active());
    }

    private Map<String, Long> writeBranches() {
        String columns = "name = :name, city = :city, province = :province, address = :address,"
                + " latitude = :latitude, longitude = :longitude, time_zone = :zone, duty_manager_name = :manager,"
                + " duty_manager_phone = :phone, active = :active";
        batches.run("INSERT INTO branch (code, name, city, province, address, latitude, longitude, time_zone,"
                + " duty_manager_name, duty_manager_phone, active) VALUES (:code, :name, :city, :province, :address,"
                + " :latitude, :longitude, :zone, :manager, :phone, :active)", plan.branches.added,
                (batch, branch) -> bindBranch(batch.bind("code", branch.code()), branch));
        batches.run("UPDATE branch SET " + columns + " WHERE id = :id", plan.branches.updated.entrySet(),
                (batch, entry) -> bindBranch(batch.bind("id", entry.getKey()), entry.getValue()));
        Map<String, Long> written = batches.ids("branch",
                plan.branches.written().stream().map(Specs.Branch::code).toList());
        batches.byId("DELETE FROM branch_region WHERE branch_id = :id", plan.branches.updated.keySet());
        List<Map.Entry<Long, String>> regions = plan.branches.written().stream().flatMap(branch -> branch.regions()
                .stream().map(region -> Map.entry(written.get(branch.code()), region))).toList();
        batches.run("INSERT INTO branch_region (branch_id, region) VALUES (:branch, :region)", regions,
                (batch, region) -> batch.bind("branch", region.getKey()).bind("region", region.getValue()));
        return batches.handle().createQuery("SELECT id, code FROM branch")
                .map((row, context) -> Map.entry(row.getString("code"), row.getLong("id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void bindBranch(PreparedBatch batch, Specs.Branch branch) {
        batch.bind("name", branch.name()).bind("city", branch.city()).bind("province", branch.province())
                .bind("address", branch.address()).bind("latitude", branch.latitude())
                .bind("longitude", branch.longitude()).bind("zone", branch.timeZone())
                .bind("manager", branch.managerName()).bind("phone", branch.managerPhone())
                .bind("active", branch.active());
    }

    private void writeShifts(Map<String, Long> branches) {
        batches.byId("DELETE FROM branch_duty_shift WHERE id = :id", plan.shifts.removed);
        batches.run("UPDATE branch_duty_shift SET ends_at = :ends, manager_name = :manager, manager_phone = :phone"
                + " WHERE id = :id", plan.shifts.updated.entrySet(), (batch, entry) -> batch.bind("id", entry.getKey())
                .bind("ends", Batches.time(entry.getValue().endsAt())).bind("manager", entry.getValue().managerName())
                .bind("phone", entry.getValue().managerPhone()));
        batches.run("INSERT INTO branch_duty_shift (branch_id, day_of_week, starts_at, ends_at, manager_name,"
                + " manager_phone) VALUES (:branch, :day, :starts, :ends, :manager, :phone)", plan.shifts.added,
                (batch, shift) -> batch.bind("branch", branches.get(shift.branch())).bind("day", shift.dayOfWeek())
                        .bind("starts", Batches.time(shift.startsAt())).bind("ends", Batches.time(shift.endsAt()))
                        .bind("manager", shift.managerName()).bind("phone", shift.managerPhone()));
    }

    private void writeEngineers(Map<String, Long> branches, Map<String, Long> skills) {
        park("field_engineer", "mobile_phone", plan.engineers.updated.entrySet().stream()
                .filter(entry -> !stored.engineers.get(entry.getValue().code()).mobile()
                        .equals(entry.getValue().mobile())).map(Map.Entry::getKey).toList());
        batches.run("INSERT INTO field_engineer (code, branch_id, name, mobile_phone, active)"
                + " VALUES (:code, :branch, :name, :mobile, :active)", plan.engineers.added,
                (batch, engineer) -> bindEngineer(batch.bind("code", engineer.code()), engineer, branches));
        batches.run("UPDATE field_engineer SET branch_id = :branch, name = :name, mobile_phone = :mobile,"
                + " active = :active WHERE id = :id", plan.engineers.updated.entrySet(),
                (batch, entry) -> bindEngineer(batch.bind("id", entry.getKey()), entry.getValue(), branches));
        Map<String, Long> ids = batches.ids("field_engineer",
                plan.engineers.written().stream().map(Specs.Engineer::code).toList());
        batches.byId("DELETE FROM field_engineer_skill WHERE engineer_id = :id", plan.engineers.updated.keySet());
        batches.run("INSERT INTO field_engineer_skill (engineer_id, skill_id, proficiency)"
                        + " VALUES (:engineer, :skill, :level)",
                levels(plan.engineers.written().stream().collect(Collectors.toMap(
                        engineer -> ids.get(engineer.code()), Specs.Engineer::skills)), skills),
                (batch, level) -> batch.bind("engineer", level.owner()).bind("skill", level.skill())
                        .bind("level", level.proficiency()));
    }

    private static void bindEngineer(PreparedBatch batch, Specs.Engineer engineer,
                                     Map<String, Long> branches) {
        batch.bind("branch", branches.get(engineer.branch())).bind("name", engineer.name())
                .bind("mobile", engineer.mobile()).bind("active", engineer.active());
    }

    /** Moves a unique value out of the way ({@code #<id>}) before the rows that hold it get their new ones. */
    private void park(String table, String column, List<Long> ids) {
        batches.byId("UPDATE " + table + " SET " + column + " = CONCAT('#', id) WHERE id = :id", Set.copyOf(ids));
    }

    private static List<Level> levels(Map<Long, Map<String, Integer>> byOwner, Map<String, Long> skills) {
        return byOwner.entrySet().stream().flatMap(owner -> owner.getValue().entrySet().stream()
                .map(level -> new Level(owner.getKey(), skills.get(level.getKey()), level.getValue()))).toList();
    }

    /** One skill of a seat or engineer, by database ids. */
    private record Level(long owner, long skill, int proficiency) {
    }
}
