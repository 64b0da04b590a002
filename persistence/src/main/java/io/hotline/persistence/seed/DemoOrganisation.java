package io.hotline.persistence.seed;

import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.dao.SkillKind;
import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A realistic demo organisation: the product lines and their modules, the seats of the national call center,
 * the 42 branches (real cities, real coordinates) with their duty rosters and field engineers, the customers
 * with their phone numbers and installed products, and a small knowledge base. Rows refer to each other by
 * natural key (codes), never by database id, so the same organisation can be written to any database.
 *
 * <p>{@link #generate()} is deterministic: it draws from a {@link java.util.Random} with a constant seed (whose
 * algorithm the JDK specifies) and never reads the clock, so two calls return equal organisations on every
 * machine. Every date is relative to {@link #REFERENCE_DATE}. This record and every record nested in it are
 * immutable and thread-safe.
 *
 * @param skills          product lines first, then their modules, then languages
 * @param seats           the call center's seats, tier-1 first
 * @param branches        the branches, one per city
 * @param fieldEngineers  the branches' field engineers
 * @param customers       the customers
 * @param kbArticles      the knowledge-base articles
 */
public record DemoOrganisation(List<Skill> skills, List<Seat> seats, List<Branch> branches,
                               List<FieldEngineer> fieldEngineers, List<Customer> customers,
                               List<KbArticle> kbArticles) {

    /** The day the demo data is "as of": licence expiries, installation dates and timestamps are relative to it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    /** {@link #REFERENCE_DATE} at midnight UTC. */
    public static final Instant REFERENCE_INSTANT = REFERENCE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

    public DemoOrganisation {
        skills = List.copyOf(skills);
        seats = List.copyOf(seats);
        branches = List.copyOf(branches);
        fieldEngineers = List.copyOf(fieldEngineers);
        customers = List.copyOf(customers);
        kbArticles = List.copyOf(kbArticles);
    }

    /** Generates the demo organisation; equal on every call. */
    public static DemoOrganisation generate() {
        return new DemoGenerator().generate();
    }

    /**
     * A skill: a product line, one of its modules, or a language.
     *
     * @param code        UPPER_SNAKE natural key, e.g. {@code ERP_U8} or {@code ERP_U8_GL}
     * @param name        human-readable name
     * @param kind        what it describes
     * @param parentCode  the product line of a module, {@code null} otherwise
     */
    public record Skill(String code, String name, SkillKind kind, String parentCode) {
        public Skill {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if ((kind == SkillKind.MODULE) != (parentCode != null)) {
                throw new IllegalArgumentException("exactly the modules have a parent: " + code);
            }
        }
    }

    /**
     * A skill held at a proficiency.
     *
     * @param skillCode    the skill's code
     * @param proficiency  1 (novice) to 5 (expert)
     */
    public record SkillLevel(String skillCode, int proficiency) {
        public SkillLevel {
            Objects.requireNonNull(skillCode, "skillCode");
            if (proficiency < 1 || proficiency > 5) {
                throw new IllegalArgumentException("proficiency must be 1-5: " + proficiency);
            }
        }
    }

    /**
     * A seat of the call center: a person on a softphone.
     *
     * @param code         natural key, {@code S1001} onwards
     * @param name         the person's name
     * @param tier         {@link Tier#TIER1}, {@link Tier#TIER2} or {@link Tier#EXPERT}
     * @param sipEndpoint  the Asterisk endpoint, e.g. {@code PJSIP/1001}; unique
     * @param createdAt    when the seat was created
     * @param skills       what the person can handle, and how well
     */
    public record Seat(String code, String name, Tier tier, String sipEndpoint, Instant createdAt,
                       List<SkillLevel> skills) {
        public Seat {
            if (!tier.isSeatTier()) {
                throw new IllegalArgumentException("not a seat tier: " + tier);
            }
            skills = List.copyOf(skills);
        }
    }

    /**
     * A branch: dispatch target for on-site work in the regions it covers.
     *
     * @param code              natural key, {@code BR-<CITY>}
     * @param name              e.g. {@code Chengdu Branch}
     * @param city              the city it is in
     * @param province          the province (or municipality, autonomous region) of the city
     * @param address           its street address
     * @param latitude          degrees north, 4 decimals
     * @param longitude         degrees east, 4 decimals
     * @param dutyManagerName   the primary duty manager
     * @param dutyManagerPhone  the primary duty manager's mobile, normalised ({@code +8613...})
     * @param regions           the customer regions it covers (province names)
     * @param dutyShifts        the weekly duty roster
     */
    public record Branch(String code, String name, String city, String province, String address, double latitude,
                         double longitude, String dutyManagerName, String dutyManagerPhone, List<String> regions,
                         List<DutyShift> dutyShifts) {
        public Branch {
            regions = List.copyOf(regions);
            dutyShifts = List.copyOf(dutyShifts);
        }
    }

    /**
     * One weekly duty shift of a branch.
     *
     * @param dayOfWeek     ISO day, 1 = Monday to 7 = Sunday
     * @param startsAt      local start time
     * @param endsAt        local end time, after {@code startsAt}
     * @param managerName   the duty manager on this shift
     * @param managerPhone  the duty manager's mobile, normalised
     */
    public record DutyShift(int dayOfWeek, LocalTime startsAt, LocalTime endsAt, String managerName,
                            String managerPhone) {
    }

    /**
     * A field engineer of a branch; SMS check-ins are trusted from the registered mobile only.
     *
     * @param code         natural key, {@code FE-001} onwards
     * @param branchCode   the branch's code
     * @param name         the engineer's name
     * @param mobilePhone  the registered mobile, normalised; unique
     * @param skills       what the engineer can handle on site
     */
    public record FieldEngineer(String code, String branchCode, String name, String mobilePhone,
                                List<SkillLevel> skills) {
        public FieldEngineer {
            skills = List.copyOf(skills);
        }
    }

    /**
     * A customer.
     *
     * @param code           natural key, {@code C00001} onwards
     * @param name           company name
     * @param region         the province of its site; covered by at least one branch
     * @param siteAddress    where an engineer goes
     * @param latitude       degrees north, 6 decimals
     * @param longitude      degrees east, 6 decimals
     * @param contractLevel  its support contract
     * @param vip            whether it is a VIP account
     * @param createdAt      when it became a customer
     * @param phones         its phone numbers, the first labelled {@code MAIN}
     * @param products       its installed products
     */
    public record Customer(String code, String name, String region, String siteAddress, double latitude,
                           double longitude, ContractLevel contractLevel, boolean vip, Instant createdAt,
                           List<CustomerPhone> phones, List<InstalledProduct> products) {
        public Customer {
            phones = List.copyOf(phones);
            products = List.copyOf(products);
        }
    }

    /**
     * A customer's phone number.
     *
     * @param number  normalised ({@code +86} and digits), as caller ids are looked up
     * @param label   {@code MAIN}, {@code IT} or {@code FINANCE}
     */
    public record CustomerPhone(String number, String label) {
    }

    /**
     * A product line installed at a customer.
     *
     * @param productCode       the product line's skill code
     * @param version           e.g. {@code U8 16.1}
     * @param installedOn       installation date
     * @param licenceExpiresOn  licence expiry date, after {@code installedOn}
     * @param moduleCodes       the modules in use, all of this product line
     */
    public record InstalledProduct(String productCode, String version, LocalDate installedOn,
                                   LocalDate licenceExpiresOn, List<String> moduleCodes) {
        public InstalledProduct {
            moduleCodes = List.copyOf(moduleCodes);
        }
    }

    /**
     * A knowledge-base article.
     *
     * @param code         natural key, {@code KB-0001} onwards
     * @param title        the problem, as callers describe it
     * @param body         the solution
     * @param productCode  the product line's skill code, or {@code null}
     * @param author       the code of the seat that wrote it
     * @param createdAt    when it was written
     * @param updatedAt    when it was last revised
     */
    public record KbArticle(String code, String title, String body, String productCode, String author,
                            Instant createdAt, Instant updatedAt) {
    }
}
