package io.hotline.persistence.seed;

import io.hotline.persistence.seed.DemoOrganisation.Branch;
import io.hotline.persistence.seed.DemoOrganisation.Customer;
import io.hotline.persistence.seed.DemoOrganisation.CustomerPhone;
import io.hotline.persistence.seed.DemoOrganisation.DutyShift;
import io.hotline.persistence.seed.DemoOrganisation.FieldEngineer;
import io.hotline.persistence.seed.DemoOrganisation.InstalledProduct;
import io.hotline.persistence.seed.DemoOrganisation.KbArticle;
import io.hotline.persistence.seed.DemoOrganisation.Seat;
import io.hotline.persistence.seed.DemoOrganisation.Skill;
import io.hotline.persistence.seed.DemoOrganisation.SkillLevel;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes one {@link DemoOrganisation} through one {@link Handle}, inside the caller's transaction: a batch per
 * table (per level for skills), each row an {@code INSERT ... ON DUPLICATE KEY UPDATE <key> = <key>}, then the
 * ids of what was written read back by natural key for the child rows. Dates and times are bound as ISO text,
 * which both servers read as the literal, whatever the JVM's or the session's time zone. Single use and
 * confined to the handle's thread.
 */
final class DemoSeedWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Handle handle;

    DemoSeedWriter(Handle handle) {
        this.handle = handle;
    }

    void write(DemoOrganisation organisation) {
        Map<String, Long> skills = writeSkills(organisation.skills());
        writeSeats(organisation.seats(), skills);
        Map<String, Long> branches = writeBranches(organisation.branches());
        writeFieldEngineers(organisation.fieldEngineers(), branches, skills);
        writeCustomers(organisation.customers(), skills);
        writeKbArticles(organisation.kbArticles(), skills);
    }

    /** Skills without a parent first, then modules, which need their product line's id. */
    private Map<String, Long> writeSkills(List<Skill> skills) {
        String sql = "INSERT INTO skill (code, name, kind, parent_id) VALUES (:code, :name, :kind, :parentId) "
                + "ON DUPLICATE KEY UPDATE id = id";
        List<Skill> roots = skills.stream().filter(skill -> skill.parentCode() == null).toList();
        batch(sql, batch -> roots.forEach(skill -> batch.bind("code", skill.code()).bind("name", skill.name())
                .bind("kind", skill.kind().name()).bind("parentId", (Long) null).add()));
        Map<String, Long> rootIds = ids("skill", codes(roots, Skill::code));
        List<Skill> children = skills.stream().filter(skill -> skill.parentCode() != null).toList();
        batch(sql, batch -> children.forEach(skill -> batch.bind("code", skill.code()).bind("name", skill.name())
                .bind("kind", skill.kind().name()).bind("parentId", id(rootIds, skill.parentCode())).add()));
        return ids("skill", codes(skills, Skill::code));
    }

    private void writeSeats(List<Seat> seats, Map<String, Long> skills) {
        batch("INSERT INTO seat (code, name, tier, sip_endpoint, created_at) "
                + "VALUES (:code, :name, :tier, :sipEndpoint, :createdAt) ON DUPLICATE KEY UPDATE id = id",
                batch -> seats.forEach(seat -> batch.bind("code", seat.code()).bind("name", seat.name())
                        .bind("tier", seat.tier().name()).bind("sipEndpoint", seat.sipEndpoint())
                        .bind("createdAt", seat.createdAt()).add()));
        Map<String, Long> seatIds = ids("seat", codes(seats, Seat::code));
        batch("INSERT INTO seat_skill (seat_id, skill_id, proficiency) VALUES (:seatId, :skillId, :proficiency) "
                + "ON DUPLICATE KEY UPDATE seat_id = seat_id", batch -> {
                    for (Seat seat : seats) {
                        for (SkillLevel level : seat.skills()) {
                            batch.bind("seatId", id(seatIds, seat.code()))
                                    .bind("skillId", id(skills, level.skillCode()))
                                    .bind("proficiency", level.proficiency()).add();
                        }
                    }
                });
    }

    private Map<String, Long> writeBranches(List<Branch> branches) {
        batch("INSERT INTO branch (code, name, city, province, address, latitude, longitude, duty_manager_name, "
                + "duty_manager_phone) VALUES (:code, :name, :city, :province, :address, :latitude, :longitude, "
                + ":managerName, :managerPhone) ON DUPLICATE KEY UPDATE id = id",
                batch -> branches.forEach(branch -> batch.bind("code", branch.code()).bind("name", branch.name())
                        .bind("city", branch.city()).bind("province", branch.province())
                        .bind("address", branch.address()).bind("latitude", branch.latitude())
                        .bind("longitude", branch.longitude()).bind("managerName", branch.dutyManagerName())
                        .bind("managerPhone", branch.dutyManagerPhone()).add()));
        Map<String, Long> branchIds = ids("branch", codes(branches, Branch::code));
        batch("INSERT INTO branch_region (branch_id, region) VALUES (:branchId, :region) "
                + "ON DUPLICATE KEY UPDATE branch_id = branch_id", batch -> {
                    for (Branch branch : branches) {
                        for (String region : branch.regions()) {
                            batch.bind("branchId", id(branchIds, branch.code())).bind("region", region).add();
                        }
                    }
                });
        batch("INSERT INTO branch_duty_shift (branch_id, day_of_week, starts_at, ends_at, manager_name, "
                + "manager_phone) VALUES (:branchId, :day, :startsAt, :endsAt, :managerName, :managerPhone) "
                + "ON DUPLICATE KEY UPDATE id = id", batch -> {
                    for (Branch branch : branches) {
                        for (DutyShift shift : branch.dutyShifts()) {
                            batch.bind("branchId", id(branchIds, branch.code())).bind("day", shift.dayOfWeek())
                                    .bind("startsAt", TIME.format(shift.startsAt()))
                                    .bind("endsAt", TIME.format(shift.endsAt()))
                                    .bind("managerName", shift.managerName())
                                    .bind("managerPhone", shift.managerPhone()).add();
                        }
                    }
                });
        return branchIds;
    }

    private void writeFieldEngineers(List<FieldEngineer> engineers, Map<String, Long> branches,
                                     Map<String, Long> skills) {
        batch("INSERT INTO field_engineer (code, branch_id, name, mobile_phone) "
                + "VALUES (:code, :branchId, :name, :mobilePhone) ON DUPLICATE KEY UPDATE id = id",
                batch -> engineers.forEach(engineer -> batch.bind("code", engineer.code())
                        .bind("branchId", id(branches, engineer.branchCode())).bind("name", engineer.name())
                        .bind("mobilePhone", engineer.mobilePhone()).add()));
        Map<String, Long> engineerIds = ids("field_engineer", codes(engineers, FieldEngineer::code));
        batch("INSERT INTO field_engineer_skill (engineer_id, skill_id, proficiency) "
                + "VALUES (:engineerId, :skillId, :proficiency) ON DUPLICATE KEY UPDATE engineer_id = engineer_id",
                batch -> {
                    for (FieldEngineer engineer : engineers) {
                        for (SkillLevel level : engineer.skills()) {
                            batch.bind("engineerId", id(engineerIds, engineer.code()))
                                    .bind("skillId", id(skills, level.skillCode()))
                                    .bind("proficiency", level.proficiency()).add();
                        }
                    }
                });
    }

    private void writeCustomers(List<Customer> customers, Map<String, Long> skills) {
        batch("INSERT INTO customer (code, name, region, site_address, latitude, longitude, contract_level, vip, "
                + "created_at) VALUES (:code, :name, :region, :siteAddress, :latitude, :longitude, :contractLevel, "
                + ":vip, :createdAt) ON DUPLICATE KEY UPDATE id = id",
                batch -> customers.forEach(customer -> batch.bind("code", customer.code())
                        .bind("name", customer.name()).bind("region", customer.region())
                        .bind("siteAddress", customer.siteAddress()).bind("latitude", customer.latitude())
                        .bind("longitude", customer.longitude())
                        .bind("contractLevel", customer.contractLevel().name()).bind("vip", customer.vip())
                        .bind("createdAt", customer.createdAt()).add()));
        Map<String, Long> customerIds = ids("customer", codes(customers, Customer::code));
        batch("INSERT INTO customer_phone (customer_id, phone_number, label) VALUES (:customerId, :number, :label) "
                + "ON DUPLICATE KEY UPDATE id = id", batch -> {
                    for (Customer customer : customers) {
                        for (CustomerPhone phone : customer.phones()) {
                            batch.bind("customerId", id(customerIds, customer.code()))
                                    .bind("number", phone.number()).bind("label", phone.label()).add();
                        }
                    }
                });
        batch("INSERT INTO customer_product (customer_id, product_skill_id, version, installed_on, "
                + "licence_expires_on) VALUES (:customerId, :productId, :version, :installedOn, :expiresOn) "
                + "ON DUPLICATE KEY UPDATE id = id", batch -> {
                    for (Customer customer : customers) {
                        for (InstalledProduct product : customer.products()) {
                            batch.bind("customerId", id(customerIds, customer.code()))
                                    .bind("productId", id(skills, product.productCode()))
                                    .bind("version", product.version())
                                    .bind("installedOn", isoDate(product.installedOn()))
                                    .bind("expiresOn", isoDate(product.licenceExpiresOn())).add();
                        }
                    }
                });
        writeProductModules(customers, skills);
    }

    private void writeProductModules(List<Customer> customers, Map<String, Long> skills) {
        if (customers.isEmpty()) {
            return;
        }
        Map<String, Long> productIds = handle.createQuery("SELECT cp.id, c.code AS customer_code, "
                        + "s.code AS product_code FROM customer_product cp JOIN customer c ON c.id = cp.customer_id "
                        + "JOIN skill s ON s.id = cp.product_skill_id WHERE c.code IN (<codes>)")
                .bindList("codes", codes(customers, Customer::code))
                .map((row, context) -> Map.entry(
                        productKey(row.getString("customer_code"), row.getString("product_code")), row.getLong("id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        batch("INSERT INTO customer_product_module (customer_product_id, module_skill_id) "
                + "VALUES (:productId, :moduleId) ON DUPLICATE KEY UPDATE customer_product_id = customer_product_id",
                batch -> {
                    for (Customer customer : customers) {
                        for (InstalledProduct product : customer.products()) {
                            long productId = id(productIds, productKey(customer.code(), product.productCode()));
                            for (String module : product.moduleCodes()) {
                                batch.bind("productId", productId).bind("moduleId", id(skills, module)).add();
                            }
                        }
                    }
                });
    }

    private void writeKbArticles(List<KbArticle> articles, Map<String, Long> skills) {
        batch("INSERT INTO kb_article (code, title, body, product_skill_id, author, created_at, updated_at) "
                + "VALUES (:code, :title, :body, :productId, :author, :createdAt, :updatedAt) "
                + "ON DUPLICATE KEY UPDATE id = id",
                batch -> articles.forEach(article -> batch.bind("code", article.code())
                        .bind("title", article.title()).bind("body", article.body())
                        .bind("productId", article.productCode() == null ? null : id(skills, article.productCode()))
                        .bind("author", article.author()).bind("createdAt", article.createdAt())
                        .bind("updatedAt", article.updatedAt()).add()));
    }

    /** Runs the rows {@code addRows} adds as one batch; the driver rewrites it into multi-row INSERTs. */
    private void batch(String sql, Consumer<PreparedBatch> addRows) {
        try (PreparedBatch batch = handle.prepareBatch(sql)) {
            addRows.accept(batch);
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    /**
     * The ids of the rows with these codes. Every code must be there: a row that is missing after its upsert
     * collided on another unique column (a SIP endpoint, a mobile number) with a row of a different code.
     */
    private Map<String, Long> ids(String table, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = handle.createQuery("SELECT id, code FROM <table> WHERE code IN (<codes>)")
                .define("table", table)
                .bindList("codes", List.copyOf(codes))
                .map((row, context) -> Map.entry(row.getString("code"), row.getLong("id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> missing = codes.stream().filter(code -> !ids.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(table + " rows " + missing + " were not written: another " + table
                    + " row already holds one of their unique values");
        }
        return ids;
    }

    private static <T> List<String> codes(Collection<T> rows, Function<T, String> code) {
        return rows.stream().map(code).toList();
    }

    private static long id(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("no id for " + key + " (not part of the demo organisation)");
        }
        return id;
    }

    private static String productKey(String customerCode, String productCode) {
        return customerCode + "/" + productCode;
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
