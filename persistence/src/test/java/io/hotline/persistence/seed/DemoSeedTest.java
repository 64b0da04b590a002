package io.hotline.persistence.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.seed.DemoOrganisation.Customer;
import io.hotline.persistence.seed.DemoOrganisation.CustomerPhone;
import io.hotline.persistence.seed.DemoOrganisation.InstalledProduct;
import io.hotline.persistence.seed.DemoOrganisation.Seat;
import io.hotline.persistence.seed.DemoOrganisation.Skill;
import io.hotline.persistence.dao.SkillKind;
import io.hotline.persistence.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the demo organisation into a real database, twice, in method order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedTest {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeedTest.class);

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final DemoOrganisation ORGANISATION = DemoOrganisation.generate();
    private static final List<String> CODED_TABLES = List.of(
            "skill", "seat", "branch", "field_engineer", "customer", "kb_article");

    @Test
    @Order(1)
    void shouldBeEmptyBeforeSeeding() {
        // given a freshly migrated database

        // when
        boolean empty = DemoSeed.isEmpty(DB.jdbi());

        // then
        assertThat(empty).isTrue();
    }

    @Test
    @Order(2)
    void shouldLoadTheWholeOrganisation() {
        // when
        long started = System.nanoTime();
        SeedReport report = DemoSeed.load(DB.jdbi());
        LOG.info("First load of the demo organisation took {} ms", (System.nanoTime() - started) / 1_000_000);

        // then every generated row is there, and nothing else
        assertThat(report).isEqualTo(expectedReport(ORGANISATION));
        assertThat(report.branches()).isEqualTo(42);
        assertThat(report.seats()).isBetween(35L, 45L);
        assertThat(report.customers()).isBetween(450L, 550L);
        assertThat(DemoSeed.isEmpty(DB.jdbi())).isFalse();
        assertThat(strings("SELECT DISTINCT tier FROM seat")).containsExactlyInAnyOrder("TIER1", "TIER2", "EXPERT");
    }

    @Test
    @Order(3)
    void shouldGiveEveryCustomerAPhoneAProductAndACoveringBranch() {
        // given the organisation loaded above

        // then
        assertThat(count("SELECT COUNT(*) FROM customer c "
                + "WHERE NOT EXISTS (SELECT 1 FROM customer_phone p WHERE p.customer_id = c.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer c "
                + "WHERE NOT EXISTS (SELECT 1 FROM customer_product p WHERE p.customer_id = c.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer c "
                + "WHERE NOT EXISTS (SELECT 1 FROM branch_region r WHERE r.region = c.region)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_product_module m "
                + "JOIN customer_product p ON p.id = m.customer_product_id JOIN skill s ON s.id = m.module_skill_id "
                + "WHERE s.parent_id <> p.product_skill_id OR s.kind <> 'MODULE'")).isZero();
        long expiringSoon = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) "
                        + "FROM customer_product WHERE licence_expires_on >= :reference "
                        + "AND licence_expires_on < :reference + INTERVAL 60 DAY")
                .bind("reference", DemoOrganisation.REFERENCE_DATE.toString())
                .mapTo(Long.class).one());
        assertThat(expiringSoon).isGreaterThanOrEqualTo(20);
    }

    @Test
    @Order(4)
    void shouldPlaceEverythingInsideChina() {
        // given the organisation loaded above

        // then
        for (String table : List.of("customer", "branch")) {
            assertThat(count("SELECT COUNT(*) FROM " + table
                    + " WHERE latitude NOT BETWEEN 18 AND 54 OR longitude NOT BETWEEN 73 AND 135"))
                    .as(table).isZero();
        }
        assertThat(strings("SELECT CONCAT(latitude, ',', longitude) FROM branch WHERE code = 'BR-BEIJING'"))
                .containsExactly("39.904200,116.407400");
    }

    @Test
    @Order(5)
    void shouldStoreEveryPhoneNumberOnce() {
        // given every number a caller id or an SMS could come from
        String numbers = "SELECT phone_number AS number FROM customer_phone "
                + "UNION ALL SELECT mobile_phone FROM field_engineer "
                + "UNION ALL SELECT DISTINCT manager_phone FROM branch_duty_shift";

        // then
        assertThat(count("SELECT COUNT(*) FROM (" + numbers + ") n"))
                .isEqualTo(count("SELECT COUNT(DISTINCT number) FROM (" + numbers + ") n"))
                .isEqualTo(DemoOrganisationTest.allPhoneNumbers(ORGANISATION).size());
        assertThat(count("SELECT COUNT(*) FROM branch b WHERE NOT EXISTS (SELECT 1 FROM branch_duty_shift s "
                + "WHERE s.branch_id = b.id AND s.manager_phone = b.duty_manager_phone)")).isZero();
    }

    @Test
    @Order(6)
    void shouldRoundTripTimesAndDates() {
        // given
        Seat seat = ORGANISATION.seats().get(0);
        Customer customer = ORGANISATION.customers().get(0);
        InstalledProduct product = customer.products().get(0);

        // when
        Instant createdAt = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT created_at FROM seat WHERE code = :code").bind("code", seat.code())
                .mapTo(Instant.class).one());
        LocalDate expiresOn = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT CAST(p.licence_expires_on AS CHAR) FROM customer_product p JOIN customer c "
                        + "ON c.id = p.customer_id JOIN skill s ON s.id = p.product_skill_id "
                        + "WHERE c.code = :customer AND s.code = :product")
                .bind("customer", customer.code()).bind("product", product.productCode())
                .mapTo(String.class).map(LocalDate::parse).one());

        // then
        assertThat(createdAt).isEqualTo(seat.createdAt());
        assertThat(expiresOn).isEqualTo(product.licenceExpiresOn());
        assertThat(strings("SELECT DISTINCT CONCAT(TIME_FORMAT(starts_at, '%H:%i'), '-',"
                + " TIME_FORMAT(ends_at, '%H:%i:%s')) FROM branch_duty_shift"))
                .containsExactlyInAnyOrder("00:00-12:00:00", "12:00-23:59:59");
    }

    @Test
    @Order(7)
    void shouldNotDuplicateAnythingWhenLoadedTwice() {
        // given
        Map<String, Map<Long, String>> idsBefore = idsByTable();
        SeedReport before = expectedReport(ORGANISATION);

        // when
        long started = System.nanoTime();
        SeedReport again = DemoSeed.load(DB.jdbi());
        LOG.info("Second load of the demo organisation took {} ms", (System.nanoTime() - started) / 1_000_000);

        // then
        assertThat(again).isEqualTo(before);
        assertThat(idsByTable()).isEqualTo(idsBefore);
    }

    @Test
    @Order(8)
    void shouldFailAndWriteNothingWhenARowBreaksAConstraint() {
        // given a new skill, and a customer whose latitude breaks the CHECK constraint
        Customer outside = new Customer("C99999", "Nowhere Trading Co., Ltd.", "Beijing", "1 Nowhere Road", 95.0,
                116.0, ContractLevel.BASIC, false, DemoOrganisation.REFERENCE_INSTANT,
                List.of(new CustomerPhone("+8613000000000", "MAIN")), List.of());
        DemoOrganisation broken = new DemoOrganisation(
                List.of(new Skill("TEST_ONLY", "Test only", SkillKind.LANGUAGE, null)),
                List.of(), List.of(), List.of(), List.of(outside), List.of());

        // when / then
        assertThatThrownBy(() -> DemoSeed.load(DB.jdbi(), broken)).isInstanceOf(StatementException.class)
                .hasMessageContaining("ck_customer_latitude");
        assertThat(count("SELECT COUNT(*) FROM skill WHERE code = 'TEST_ONLY'")).isZero();
        assertThat(DemoSeed.load(DB.jdbi())).isEqualTo(expectedReport(ORGANISATION));
    }

    private static SeedReport expectedReport(DemoOrganisation organisation) {
        return new SeedReport(
                organisation.skills().size(),
                organisation.seats().size(),
                organisation.seats().stream().mapToLong(seat -> seat.skills().size()).sum(),
                organisation.branches().size(),
                organisation.branches().stream().mapToLong(branch -> branch.regions().size()).sum(),
                organisation.branches().stream().mapToLong(branch -> branch.dutyShifts().size()).sum(),
                organisation.fieldEngineers().size(),
                organisation.fieldEngineers().stream().mapToLong(engineer -> engineer.skills().size()).sum(),
                organisation.customers().size(),
                organisation.customers().stream().mapToLong(customer -> customer.phones().size()).sum(),
                organisation.customers().stream().mapToLong(customer -> customer.products().size()).sum(),
                organisation.customers().stream().flatMap(customer -> customer.products().stream())
                        .mapToLong(product -> product.moduleCodes().size()).sum(),
                organisation.kbArticles().size());
    }

    private static Map<String, Map<Long, String>> idsByTable() {
        Map<String, Map<Long, String>> ids = new LinkedHashMap<>();
        for (String table : CODED_TABLES) {
            ids.put(table, idToCode("SELECT id, code FROM " + table));
        }
        ids.put("customer_product",
                idToCode("SELECT id, CONCAT(customer_id, '/', product_skill_id) AS code FROM customer_product"));
        ids.put("branch_duty_shift",
                idToCode("SELECT id, CONCAT(branch_id, '/', day_of_week, '/', starts_at) AS code "
                        + "FROM branch_duty_shift"));
        ids.put("customer_phone",
                idToCode("SELECT id, CONCAT(customer_id, '/', phone_number) AS code FROM customer_phone"));
        return ids;
    }

    private static Map<Long, String> idToCode(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql)
                .reduceRows(new LinkedHashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("code", String.class));
                    return map;
                }));
    }

    private static long count(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> strings(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }
}
