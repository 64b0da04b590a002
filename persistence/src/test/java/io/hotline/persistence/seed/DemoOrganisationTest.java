package io.hotline.persistence.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.seed.DemoOrganisation.Branch;
import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.seed.DemoOrganisation.Customer;
import io.hotline.persistence.seed.DemoOrganisation.CustomerPhone;
import io.hotline.persistence.seed.DemoOrganisation.DutyShift;
import io.hotline.persistence.seed.DemoOrganisation.FieldEngineer;
import io.hotline.persistence.seed.DemoOrganisation.InstalledProduct;
import io.hotline.persistence.seed.DemoOrganisation.KbArticle;
import io.hotline.persistence.seed.DemoOrganisation.Seat;
import io.hotline.persistence.seed.DemoOrganisation.Skill;
import io.hotline.persistence.dao.SkillKind;
import io.hotline.persistence.seed.DemoOrganisation.SkillLevel;
import io.hotline.routing.ladder.Tier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoOrganisationTest {
    // The snapshot of the demo organisation. Change it only together with the generator, on purpose: demos,
    // screenshots and other modules' tests rely on these values.
    private static final String SNAPSHOT_FIRST_CUSTOMER = "Beijing Jinqiao Real Estate Services Co., Ltd.";
    private static final String SNAPSHOT_FIRST_SEAT = "Yuan Jun";
    private static final String SNAPSHOT_FIRST_ENGINEER_MOBILE = "+8613585011997";
    private static final String SNAPSHOT_FINGERPRINT =
            "8ac3508372690f668bb0729908c435b1dc73e25ab7d92bb9b80805c3d4f30e7e";

    /** A mobile ({@code 1[3-9]} and 9 digits) or a landline (area code, then 8 digits not starting with 0 or 1). */
    private static final String CHINESE_NUMBER = "\\+86(1[3-9]\\d{9}|(10|2\\d|[3-9]\\d{2})[2-8]\\d{7})";
    private static final DemoOrganisation ORGANISATION = DemoOrganisation.generate();

    @Test
    void shouldGenerateEqualOrganisationsEveryTime() {
        // when
        DemoOrganisation again = DemoOrganisation.generate();

        // then
        assertThat(again).isEqualTo(ORGANISATION);
        assertThat(fingerprint(again)).isEqualTo(fingerprint(ORGANISATION));
    }

    @Test
    void shouldKeepAStableSnapshot() {
        // given the organisation every demo, test and screenshot has been built on

        // then a change to the generator shows up here, on purpose
        Customer first = ORGANISATION.customers().get(0);
        assertThat(first.code()).isEqualTo("C00001");
        assertThat(first.name()).isEqualTo(SNAPSHOT_FIRST_CUSTOMER);
        assertThat(ORGANISATION.seats().get(0).name()).isEqualTo(SNAPSHOT_FIRST_SEAT);
        assertThat(ORGANISATION.fieldEngineers().get(0).mobilePhone()).isEqualTo(SNAPSHOT_FIRST_ENGINEER_MOBILE);
        assertThat(fingerprint(ORGANISATION)).isEqualTo(SNAPSHOT_FINGERPRINT);
    }

    @Test
    void shouldHaveProductLinesWithModulesAndLanguages() {
        // when
        Map<SkillKind, List<Skill>> byKind = ORGANISATION.skills().stream()
                .collect(Collectors.groupingBy(Skill::kind));

        // then
        assertThat(byKind.get(SkillKind.PRODUCT_LINE)).extracting(Skill::code)
                .containsExactly("ERP_U8", "ERP_NC", "HR", "SMB_T3", "ONLINE");
        assertThat(byKind.get(SkillKind.LANGUAGE)).extracting(Skill::code).containsExactly("LANG_ZH", "LANG_EN");
        Map<String, Long> modulesPerLine = byKind.get(SkillKind.MODULE).stream()
                .collect(Collectors.groupingBy(Skill::parentCode, Collectors.counting()));
        assertThat(modulesPerLine).containsOnlyKeys("ERP_U8", "ERP_NC", "HR", "SMB_T3", "ONLINE");
        assertThat(modulesPerLine.values()).allSatisfy(count -> assertThat(count).isBetween(3L, 6L));
        assertThat(ORGANISATION.skills()).allSatisfy(skill -> assertThat(skill.code()).matches("[A-Z0-9_]+"));
        assertThat(ORGANISATION.skills()).extracting(Skill::code).doesNotHaveDuplicates();
    }

    @Test
    void shouldStaffEveryTierWithSkilledSeats() {
        // when
        Map<Tier, Long> perTier = ORGANISATION.seats().stream()
                .collect(Collectors.groupingBy(Seat::tier, Collectors.counting()));

        // then
        assertThat(ORGANISATION.seats()).hasSizeBetween(35, 45);
        assertThat(perTier).containsEntry(Tier.TIER1, 24L).containsEntry(Tier.TIER2, 11L)
                .containsEntry(Tier.EXPERT, 5L);
        assertThat(ORGANISATION.seats()).extracting(Seat::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("S1\\d{3}"));
        assertThat(ORGANISATION.seats()).extracting(Seat::sipEndpoint).doesNotHaveDuplicates()
                .allSatisfy(endpoint -> assertThat(endpoint).matches("PJSIP/1\\d{3}"));
        assertThat(ORGANISATION.seats()).allSatisfy(seat -> {
            assertThat(seat.skills()).extracting(SkillLevel::skillCode).contains("LANG_ZH").doesNotHaveDuplicates();
            assertThat(seat.createdAt()).isBefore(DemoOrganisation.REFERENCE_INSTANT);
        });
        assertThat(ORGANISATION.seats().stream().filter(seat -> speaks(seat, "LANG_EN")).map(Seat::tier))
                .contains(Tier.TIER1, Tier.TIER2, Tier.EXPERT);
        Set<String> lines = Set.of("ERP_U8", "ERP_NC", "HR", "SMB_T3", "ONLINE");
        for (Tier tier : List.of(Tier.TIER1, Tier.TIER2, Tier.EXPERT)) {
            assertThat(ORGANISATION.seats().stream().filter(seat -> seat.tier() == tier)
                    .flatMap(seat -> seat.skills().stream()).map(SkillLevel::skillCode))
                    .as("product lines covered by %s", tier).containsAll(lines);
        }
        assertThat(ORGANISATION.seats().stream().filter(seat -> seat.tier() == Tier.EXPERT))
                .allSatisfy(expert -> assertThat(expert.skills()).extracting(SkillLevel::proficiency).contains(5));
    }

    @Test
    void shouldPlaceFortyTwoBranchesInChinaWithRosters() {
        // then
        List<Branch> branches = ORGANISATION.branches();
        assertThat(branches).hasSize(42);
        assertThat(branches).extracting(Branch::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("BR-[A-Z]+"));
        assertThat(branches).extracting(Branch::city).doesNotHaveDuplicates();
        assertThat(branches).anySatisfy(branch -> {
            assertThat(branch.code()).isEqualTo("BR-CHENGDU");
            assertThat(branch.latitude()).isEqualTo(30.5728);
            assertThat(branch.longitude()).isEqualTo(104.0668);
            assertThat(branch.province()).isEqualTo("Sichuan");
        });
        assertThat(branches).allSatisfy(branch -> {
            assertThat(branch.latitude()).isBetween(18.0, 54.0);
            assertThat(branch.longitude()).isBetween(73.0, 135.0);
            assertThat(branch.regions()).contains(branch.province());
            assertThat(branch.dutyShifts()).hasSize(14);
            assertThat(branch.dutyShifts()).extracting(DutyShift::dayOfWeek).containsOnly(1, 2, 3, 4, 5, 6, 7);
            assertThat(branch.dutyShifts()).allSatisfy(shift -> assertThat(shift.endsAt()).isAfter(shift.startsAt()));
            assertThat(branch.dutyShifts().stream().map(DutyShift::managerName).distinct()).hasSize(2)
                    .contains(branch.dutyManagerName());
            assertThat(branch.dutyShifts()).extracting(DutyShift::startsAt)
                    .containsOnly(LocalTime.MIDNIGHT, LocalTime.NOON);
        });
    }

    @Test
    void shouldGiveEveryBranchTwoToFourFieldEngineers() {
        // when
        Map<String, Long> perBranch = ORGANISATION.fieldEngineers().stream()
                .collect(Collectors.groupingBy(FieldEngineer::branchCode, Collectors.counting()));

        // then
        assertThat(perBranch).hasSize(42);
        assertThat(perBranch.values()).allSatisfy(count -> assertThat(count).isBetween(2L, 4L));
        assertThat(ORGANISATION.fieldEngineers()).extracting(FieldEngineer::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("FE-\\d{3}"));
        assertThat(ORGANISATION.fieldEngineers()).allSatisfy(engineer -> assertThat(engineer.skills()).isNotEmpty());
    }

    @Test
    void shouldGenerateAboutFiveHundredCustomersCoveredByBranches() {
        // given
        Set<String> covered = ORGANISATION.branches().stream()
                .flatMap(branch -> branch.regions().stream()).collect(Collectors.toSet());
        List<Customer> customers = ORGANISATION.customers();

        // then
        assertThat(customers).hasSize(500);
        assertThat(customers).extracting(Customer::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("C\\d{5}"));
        assertThat(customers).extracting(Customer::name).doesNotHaveDuplicates();
        assertThat(customers).allSatisfy(customer -> {
            assertThat(covered).contains(customer.region());
            assertThat(customer.latitude()).isBetween(18.0, 54.0);
            assertThat(customer.longitude()).isBetween(73.0, 135.0);
            assertThat(customer.phones()).hasSizeBetween(1, 3);
            assertThat(customer.phones().get(0).label()).isEqualTo("MAIN");
            assertThat(customer.products()).hasSizeBetween(1, 3);
            assertThat(customer.createdAt()).isBefore(DemoOrganisation.REFERENCE_INSTANT);
        });
        assertThat(share(customers, customer -> customer.contractLevel() == ContractLevel.BASIC)).isBetween(0.4, 0.6);
        assertThat(share(customers, customer -> customer.contractLevel() == ContractLevel.STANDARD))
                .isBetween(0.25, 0.45);
        assertThat(share(customers, customer -> customer.contractLevel() == ContractLevel.PREMIUM))
                .isBetween(0.08, 0.22);
        assertThat(share(customers, Customer::vip)).isBetween(0.04, 0.12);
    }

    @Test
    void shouldInstallModulesOfTheProductLineWithLicencesSomeExpiringSoon() {
        // given
        Map<String, String> parents = ORGANISATION.skills().stream().filter(skill -> skill.parentCode() != null)
                .collect(Collectors.toMap(Skill::code, Skill::parentCode));
        List<InstalledProduct> products = ORGANISATION.customers().stream()
                .flatMap(customer -> customer.products().stream()).toList();
        LocalDate reference = DemoOrganisation.REFERENCE_DATE;

        // then
        assertThat(ORGANISATION.customers()).allSatisfy(customer -> assertThat(customer.products())
                .extracting(InstalledProduct::productCode).doesNotHaveDuplicates());
        assertThat(products).allSatisfy(product -> {
            assertThat(product.moduleCodes()).hasSizeBetween(1, 4).doesNotHaveDuplicates();
            assertThat(product.moduleCodes()).allSatisfy(
                    module -> assertThat(parents).containsEntry(module, product.productCode()));
            assertThat(product.licenceExpiresOn()).isAfter(product.installedOn());
            assertThat(product.installedOn()).isBefore(reference);
        });
        long expiringSoon = products.stream().filter(product -> !product.licenceExpiresOn().isBefore(reference)
                && product.licenceExpiresOn().isBefore(reference.plusDays(60))).count();
        assertThat(expiringSoon).isGreaterThanOrEqualTo(20);
        assertThat(ORGANISATION.customers()).allSatisfy(customer -> assertThat(customer.products())
                .allSatisfy(product -> assertThat(product.installedOn())
                        .isAfterOrEqualTo(customer.createdAt().atZone(ZoneOffset.UTC).toLocalDate())));
    }

    @Test
    void shouldIssueEveryPhoneNumberOnceInChineseFormat() {
        // when
        List<String> numbers = allPhoneNumbers(ORGANISATION);

        // then
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers).allSatisfy(number -> assertThat(number).matches(CHINESE_NUMBER));
        assertThat(ORGANISATION.fieldEngineers()).extracting(FieldEngineer::mobilePhone)
                .allSatisfy(number -> assertThat(number).matches("\\+861[3-9]\\d{9}"));
        assertThat(ORGANISATION.customers().stream().flatMap(customer -> customer.phones().stream())
                .map(CustomerPhone::number)).anySatisfy(number -> assertThat(number).startsWith("+8610"))
                .anySatisfy(number -> assertThat(number).startsWith("+8613"));
    }

    @Test
    void shouldWriteKnowledgeBaseArticlesBySeniorSeats() {
        // given
        Map<String, Seat> seats = ORGANISATION.seats().stream().collect(Collectors.toMap(Seat::code, seat -> seat));

        // then
        assertThat(ORGANISATION.kbArticles()).hasSizeBetween(15, 25);
        assertThat(ORGANISATION.kbArticles()).extracting(KbArticle::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("KB-\\d{4}"));
        assertThat(ORGANISATION.kbArticles()).allSatisfy(article -> {
            Seat author = seats.get(article.author());
            assertThat(author).isNotNull();
            assertThat(author.tier()).isNotEqualTo(Tier.TIER1);
            assertThat(author.skills()).extracting(SkillLevel::skillCode).contains(article.productCode());
            assertThat(article.updatedAt()).isAfterOrEqualTo(article.createdAt())
                    .isBefore(DemoOrganisation.REFERENCE_INSTANT);
            assertThat(article.body()).hasSizeGreaterThan(100);
        });
    }

    static List<String> allPhoneNumbers(DemoOrganisation organisation) {
        List<String> numbers = new ArrayList<>();
        organisation.customers().forEach(customer -> customer.phones().forEach(phone -> numbers.add(phone.number())));
        organisation.fieldEngineers().forEach(engineer -> numbers.add(engineer.mobilePhone()));
        organisation.branches().forEach(branch -> branch.dutyShifts().stream().map(DutyShift::managerPhone)
                .distinct().forEach(numbers::add));
        return numbers;
    }

    private static boolean speaks(Seat seat, String language) {
        return seat.skills().stream().anyMatch(skill -> skill.skillCode().equals(language));
    }

    private static double share(List<Customer> customers, Predicate<Customer> test) {
        return customers.stream().filter(test).count() / (double) customers.size();
    }

    /**
     * SHA-256 of a canonical rendering: coordinates through a fixed format rather than {@code Double.toString},
     * whose output for some values changed in JDK 19.
     */
    static String fingerprint(DemoOrganisation organisation) {
        StringBuilder text = new StringBuilder();
        append(text, organisation.skills(), Skill::toString);
        append(text, organisation.seats(), Seat::toString);
        append(text, organisation.branches(), branch -> String.join("|", branch.code(), branch.name(),
                branch.address(), coordinates(branch.latitude(), branch.longitude()), branch.dutyManagerName(),
                branch.dutyManagerPhone(), branch.regions().toString(), branch.dutyShifts().toString()));
        append(text, organisation.fieldEngineers(), FieldEngineer::toString);
        append(text, organisation.customers(), customer -> String.join("|", customer.code(), customer.name(),
                customer.region(), customer.siteAddress(), coordinates(customer.latitude(), customer.longitude()),
                customer.contractLevel().name(), Boolean.toString(customer.vip()), customer.createdAt().toString(),
                customer.phones().toString(), customer.products().toString()));
        append(text, organisation.kbArticles(), KbArticle::toString);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static <T> void append(StringBuilder text, List<T> rows, Function<T, String> render) {
        Stream.of(rows).flatMap(List::stream).map(render).forEach(line -> text.append(line).append('\n'));
    }

    private static String coordinates(double latitude, double longitude) {
        return String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude);
    }
}
