package io.hotline.persistence.importer;

import io.hotline.persistence.dao.SkillKind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks across rows, files and the database, once every file has been read: no natural key twice in a file;
 * every reference (a seat's skill, an engineer's branch, a product's customer...) to a row of the files or of the
 * database; no SIP endpoint or engineer's mobile held by two; no overlapping shifts. A file's row overrides the
 * database's row with the same key. Single use; confined to the importing thread.
 */
final class ImportChecks {
    private final Specs.Files files;
    private final StoredOrganisation stored;
    private final Problems problems;
    private final Map<String, Specs.Skill> skills = new HashMap<>();

    private ImportChecks(Specs.Files files, StoredOrganisation stored, Problems problems) {
        this.files = files;
        this.stored = stored;
        this.problems = problems;
        skills.putAll(stored.skills.all());
        files.skills().forEach(skill -> skills.put(skill.spec().code(), skill.spec()));
    }

    /** Adds to {@code problems} everything wrong across the files and the database. */
    static void check(Specs.Files files, StoredOrganisation stored, Problems problems) {
        ImportChecks checks = new ImportChecks(files, stored, problems);
        checks.checkSkills();
        checks.checkSeats();
        checks.checkBranchesAndShifts();
        checks.checkEngineers();
        checks.checkCustomersAndProducts();
    }

    private void checkSkills() {
        unique(SkillsCsv.FILE, "code", files.skills(), Specs.Skill::code);
        sameCase(SkillsCsv.FILE, "code", files.skills(), stored.skills, Specs.Skill::code);
        for (Specs.Lined<Specs.Skill> skill : files.skills()) {
            String parent = skill.spec().parent();
            if (parent != null && !isSkill(parent, SkillKind.PRODUCT_LINE) && !badSkill(parent)) {
                problems.add(SkillsCsv.FILE, skill.line(), "parent", "'" + parent + "' is not a PRODUCT_LINE skill "
                        + "in skills.csv or in the database");
            }
        }
    }

    private void checkSeats() {
        unique(SeatsCsv.FILE, "code", files.seats(), Specs.Seat::code);
        sameCase(SeatsCsv.FILE, "code", files.seats(), stored.seats, Specs.Seat::code);
        unique(SeatsCsv.FILE, "sip_endpoint", files.seats(), Specs.Seat::sipEndpoint);
        Map<String, String> fileEndpoints = new HashMap<>();
        files.seats().forEach(seat -> fileEndpoints.put(seat.spec().code(), seat.spec().sipEndpoint()));
        for (Specs.Lined<Specs.Seat> seat : files.seats()) {
            knownSkills(SeatsCsv.FILE, seat.line(), seat.spec().skills().keySet());
            for (Specs.Seat other : stored.seats.all().values()) {
                if (other.sipEndpoint().equalsIgnoreCase(seat.spec().sipEndpoint())
                        && !other.code().equals(seat.spec().code())
                        && seat.spec().sipEndpoint().equalsIgnoreCase(fileEndpoints.getOrDefault(other.code(),
                        other.sipEndpoint()))) {
                    problems.add(SeatsCsv.FILE, seat.line(), "sip_endpoint", seat.spec().sipEndpoint()
                            + " belongs to seat " + other.code() + " in the database");
                }
            }
        }
    }

    private void checkBranchesAndShifts() {
        unique(BranchesCsv.FILE, "code", files.branches(), Specs.Branch::code);
        sameCase(BranchesCsv.FILE, "code", files.branches(), stored.branches, Specs.Branch::code);
        unique(RostersCsv.FILE, "starts_at", files.shifts(), Specs.Shift::key);
        Set<String> branches = branchCodes();
        Map<String, Specs.Lined<Specs.Shift>> previous = new HashMap<>();
        List<Specs.Lined<Specs.Shift>> byStart = files.shifts().stream()
                .sorted(Comparator.comparing((Specs.Lined<Specs.Shift> shift) -> shift.spec().startsAt()))
                .toList();
        for (Specs.Lined<Specs.Shift> shift : byStart) {
            if (!branches.contains(shift.spec().branch()) && !badBranch(shift.spec().branch())) {
                problems.add(RostersCsv.FILE, shift.line(), "branch", "'" + shift.spec().branch()
                        + "' is not a branch in branches.csv or in the database");
            }
            String day = shift.spec().branch() + "/" + shift.spec().dayOfWeek();
            Specs.Lined<Specs.Shift> before = previous.put(day, shift);
            if (before != null && before.spec().endsAt().isAfter(shift.spec().startsAt())) {
                problems.add(RostersCsv.FILE, shift.line(), "starts_at", "overlaps the shift on line "
                        + before.line() + " (" + before.spec().startsAt() + "-" + before.spec().endsAt() + ")");
            }
        }
    }

    private void checkEngineers() {
        unique(EngineersCsv.FILE, "code", files.engineers(), Specs.Engineer::code);
        sameCase(EngineersCsv.FILE, "code", files.engineers(), stored.engineers, Specs.Engineer::code);
        unique(EngineersCsv.FILE, "mobile", files.engineers(), Specs.Engineer::mobile);
        Set<String> branches = branchCodes();
        Map<String, String> fileMobiles = new HashMap<>();
        files.engineers().forEach(engineer -> fileMobiles.put(engineer.spec().code(), engineer.spec().mobile()));
        for (Specs.Lined<Specs.Engineer> engineer : files.engineers()) {
            if (!branches.contains(engineer.spec().branch()) && !badBranch(engineer.spec().branch())) {
                problems.add(EngineersCsv.FILE, engineer.line(), "branch", "'" + engineer.spec().branch()
                        + "' is not a branch in branches.csv or in the database");
            }
            knownSkills(EngineersCsv.FILE, engineer.line(), engineer.spec().skills().keySet());
            for (Specs.Engineer other : stored.engineers.all().values()) {
                if (other.mobile().equals(engineer.spec().mobile()) && !other.code().equals(engineer.spec().code())
                        && engineer.spec().mobile().equals(fileMobiles.getOrDefault(other.code(), other.mobile()))) {
                    problems.add(EngineersCsv.FILE, engineer.line(), "mobile", engineer.spec().mobile()
                            + " is the registered mobile of engineer " + other.code() + " in the database");
                }
            }
        }
    }

    private void checkCustomersAndProducts() {
        unique(CustomersCsv.FILE, "code", files.customers(), Specs.Customer::code);
        sameCase(CustomersCsv.FILE, "code", files.customers(), stored.customers, Specs.Customer::code);
        unique(ProductsCsv.FILE, "product", files.products(), Specs.Product::key);
        Set<String> customers = new HashSet<>(stored.customers.all().keySet());
        files.customers().forEach(customer -> customers.add(customer.spec().code()));
        for (Specs.Lined<Specs.Product> product : files.products()) {
            Specs.Product spec = product.spec();
            if (!customers.contains(spec.customer())
                    && !problems.isBadRow(CustomersCsv.FILE, spec.customer())) {
                problems.add(ProductsCsv.FILE, product.line(), "customer", "'" + spec.customer()
                        + "' is not a customer in customers.csv or in the database");
            }
            if (!isSkill(spec.product(), SkillKind.PRODUCT_LINE) && !badSkill(spec.product())) {
                problems.add(ProductsCsv.FILE, product.line(), "product", "'" + spec.product()
                        + "' is not a PRODUCT_LINE skill in skills.csv or in the database");
            }
            for (String module : spec.modules()) {
                Specs.Skill skill = skills.get(module);
                if ((skill == null || skill.kind() != SkillKind.MODULE || !spec.product().equals(skill.parent()))
                        && !badSkill(module)) {
                    problems.add(ProductsCsv.FILE, product.line(), "modules", "'" + module + "' is not a MODULE "
                            + "skill of " + spec.product() + " in skills.csv or in the database");
                }
            }
        }
    }

    private void knownSkills(String file, int line, Set<String> codes) {
        codes.stream().filter(code -> !skills.containsKey(code) && !badSkill(code)).sorted()
                .forEach(code -> problems.add(file, line, "skills", "'" + code
                        + "' is not a skill in skills.csv or in the database"));
    }

    private boolean badSkill(String code) {
        return problems.isBadRow(SkillsCsv.FILE, code);
    }

    private boolean badBranch(String code) {
        return problems.isBadRow(BranchesCsv.FILE, code);
    }

    private boolean isSkill(String code, SkillKind kind) {
        Specs.Skill skill = skills.get(code);
        return skill != null && skill.kind() == kind;
    }

    private Set<String> branchCodes() {
        Set<String> branches = new HashSet<>(stored.branches.all().keySet());
        files.branches().forEach(branch -> branches.add(branch.spec().code()));
        return branches;
    }

    /**
     * Reports a code that the database holds in another case: the database compares codes without regard to case
     * (utf8mb4_unicode_ci), so {@code s101} would collide with {@code S101} rather than be a new row.
     */
    private <T> void sameCase(String file, String column, List<Specs.Lined<T>> rows, Stored<T> stored,
                              Function<T, String> key) {
        Map<String, String> storedKeys = new HashMap<>();
        stored.all().keySet().forEach(storedKey -> storedKeys.put(storedKey.toLowerCase(Locale.ROOT), storedKey));
        for (Specs.Lined<T> row : rows) {
            String code = key.apply(row.spec());
            String other = storedKeys.get(code.toLowerCase(Locale.ROOT));
            if (other != null && !other.equals(code)) {
                problems.add(file, row.line(), column, "'" + code + "' differs only in case from " + other
                        + " in the database; codes are compared without regard to case");
            }
        }
    }

    /** Reports a key that an earlier row of the file has already (compared without regard to case). */
    private <T> void unique(String file, String column, List<Specs.Lined<T>> rows, Function<T, String> key) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (Specs.Lined<T> row : rows) {
            Integer line = first.putIfAbsent(key.apply(row.spec()).toLowerCase(Locale.ROOT), row.line());
            if (line != null) {
                problems.add(file, row.line(), column, "'" + key.apply(row.spec()) + "' is already on line " + line);
            }
        }
    }
}
