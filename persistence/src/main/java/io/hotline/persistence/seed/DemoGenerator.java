package io.hotline.persistence.seed;

import io.hotline.persistence.seed.DemoCatalog.City;
import io.hotline.persistence.seed.DemoCatalog.ProductLine;
import io.hotline.persistence.seed.DemoOrganisation.Branch;
import io.hotline.persistence.seed.DemoOrganisation.DutyShift;
import io.hotline.persistence.seed.DemoOrganisation.FieldEngineer;
import io.hotline.persistence.seed.DemoOrganisation.Seat;
import io.hotline.persistence.seed.DemoOrganisation.Skill;
import io.hotline.persistence.dao.SkillKind;
import io.hotline.persistence.seed.DemoOrganisation.SkillLevel;
import io.hotline.routing.ladder.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates one {@link DemoOrganisation}: skills, seats, branches and field engineers here; customers in
 * {@link DemoCustomers}, articles in {@link DemoKnowledgeBase}. Everything is drawn, in a fixed order, from one
 * {@link DemoRandom} with a constant seed, and phone numbers and names are unique across the organisation.
 * Single use and not thread-safe.
 */
final class DemoGenerator {
    static final long SEED = 20_261_101L;
    static final int TIER1_SEATS = 24;
    static final int TIER2_SEATS = 11;
    static final int EXPERT_SEATS = 5;
    static final int CUSTOMERS = 500;

    /** Field service is around the clock: the day shift, then the night shift to the day's last second. */
    private static final LocalTime EARLY_SHIFT = LocalTime.MIDNIGHT;
    private static final LocalTime LATE_SHIFT = LocalTime.NOON;
    private static final LocalTime SHIFTS_END = LocalTime.of(23, 59, 59);
    /** On-site work is mostly about the installed ERP and accounting products, in this order. */
    private static final List<String> ENGINEER_FOCUS = List.of("ERP_U8", "SMB_T3", "HR", "ERP_NC");

    private final DemoRandom random = new DemoRandom(SEED);
    private final DemoPhoneNumbers phones = new DemoPhoneNumbers(random);
    private final PersonNames names = new PersonNames(random);

    DemoOrganisation generate() {
        List<Skill> skills = skills();
        List<Seat> seats = seats();
        List<Branch> branches = new ArrayList<>();
        List<FieldEngineer> engineers = new ArrayList<>();
        for (City city : DemoCatalog.CITIES) {
            Branch branch = branch(city);
            branches.add(branch);
            engineers.addAll(engineers(city, branch.code(), engineers.size()));
        }
        return new DemoOrganisation(skills, seats, branches, engineers,
                new DemoCustomers(random, phones).generate(CUSTOMERS), DemoKnowledgeBase.articles(seats));
    }

    private static List<Skill> skills() {
        List<Skill> skills = new ArrayList<>();
        for (ProductLine line : DemoCatalog.PRODUCT_LINES) {
            skills.add(new Skill(line.code(), line.name(), SkillKind.PRODUCT_LINE, null));
        }
        for (ProductLine line : DemoCatalog.PRODUCT_LINES) {
            for (int module = 0; module < line.modules().size(); module++) {
                skills.add(new Skill(line.moduleCode(module), line.modules().get(module).getValue(),
                        SkillKind.MODULE, line.code()));
            }
        }
        skills.add(new Skill(DemoCatalog.LANG_ZH, "Chinese (Mandarin)", SkillKind.LANGUAGE, null));
        skills.add(new Skill(DemoCatalog.LANG_EN, "English", SkillKind.LANGUAGE, null));
        return skills;
    }

    private List<Seat> seats() {
        List<Seat> seats = new ArrayList<>();
        addSeats(seats, Tier.TIER1, TIER1_SEATS);
        addSeats(seats, Tier.TIER2, TIER2_SEATS);
        addSeats(seats, Tier.EXPERT, EXPERT_SEATS);
        return seats;
    }

    private void addSeats(List<Seat> seats, Tier tier, int count) {
        for (int index = 0; index < count; index++) {
            int number = 1001 + seats.size();
            // Seats joined over the last four years, during office hours in China (01:00-09:00 UTC).
            Instant createdAt = DemoOrganisation.REFERENCE_INSTANT.minus(Duration.ofDays(random.between(30, 1460)))
                    .plus(Duration.ofHours(random.between(1, 9)));
            seats.add(new Seat("S" + number, names.next(), tier, "PJSIP/" + number, createdAt,
                    seatSkills(tier, index)));
        }
    }

    /**
     * Tier-1 seats know one or two product lines at 2-4 and a few modules; tier-2 seats know two or three lines
     * at 3-5 and more modules; experts are 5 on one line and its deep modules. The {@code index}-th seat of a
     * tier starts from product line {@code index mod 5}, so every tier covers every product line.
     */
    private List<SkillLevel> seatSkills(Tier tier, int index) {
        List<ProductLine> all = DemoCatalog.PRODUCT_LINES;
        ProductLine first = all.get(index % all.size());
        List<ProductLine> lines = new ArrayList<>(List.of(first));
        int extra = switch (tier) {
            case TIER1 -> random.chance(0.4) ? 1 : 0;
            case TIER2 -> random.between(1, 2);
            default -> random.chance(0.4) ? 1 : 0;
        };
        List<ProductLine> others = new ArrayList<>(all);
        others.remove(first);
        lines.addAll(random.weightedDistinct(others, ProductLine::weight, extra));

        List<SkillLevel> lineLevels = new ArrayList<>();
        List<SkillLevel> moduleLevels = new ArrayList<>();
        for (int position = 0; position < lines.size(); position++) {
            ProductLine line = lines.get(position);
            boolean primary = position == 0;
            lineLevels.add(new SkillLevel(line.code(), lineProficiency(tier, primary)));
            int modules = switch (tier) {
                case TIER1 -> primary ? random.between(1, 3) : random.between(0, 1);
                case TIER2 -> random.between(2, 3);
                default -> primary ? random.between(2, 4) : 1;
            };
            for (int module : random.distinctIndexes(line.modules().size(), modules)) {
                moduleLevels.add(new SkillLevel(line.moduleCode(module), moduleProficiency(tier, primary)));
            }
        }
        List<SkillLevel> skills = new ArrayList<>(lineLevels);
        skills.addAll(moduleLevels);
        skills.add(new SkillLevel(DemoCatalog.LANG_ZH, 5));
        if (index == 0 || random.chance(englishShare(tier))) {
            skills.add(new SkillLevel(DemoCatalog.LANG_EN, englishProficiency(tier)));
        }
        return skills;
    }

    private int lineProficiency(Tier tier, boolean primary) {
        return switch (tier) {
            case TIER1 -> primary ? random.between(3, 4) : random.between(2, 3);
            case TIER2 -> primary ? random.between(4, 5) : random.between(3, 4);
            default -> primary ? 5 : 4;
        };
    }

    private int moduleProficiency(Tier tier, boolean primary) {
        return switch (tier) {
            case TIER1 -> random.between(2, 4);
            case TIER2 -> random.between(3, 5);
            default -> primary ? 5 : 4;
        };
    }

    private static double englishShare(Tier tier) {
        return switch (tier) {
            case TIER1 -> 0.2;
            case TIER2 -> 0.4;
            default -> 0.6;
        };
    }

    private int englishProficiency(Tier tier) {
        return switch (tier) {
            case TIER1 -> random.between(2, 3);
            case TIER2 -> random.between(3, 4);
            default -> random.between(4, 5);
        };
    }

    /**
     * A branch covering its province, with two duty managers alternating early and late shifts all week, around the
     * clock (00:00-12:00 and 12:00-23:59:59: a shift ending at the day's last second runs to midnight).
     */
    private Branch branch(City city) {
        String address = random.between(1, 399) + " " + random.pick(DemoCatalog.ROADS) + ", " + city.district()
                + ", " + city.name();
        String managerA = names.next();
        String phoneA = phones.mobile();
        String managerB = names.next();
        String phoneB = phones.mobile();
        List<DutyShift> shifts = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            boolean aEarly = day % 2 == 1;
            shifts.add(new DutyShift(day, EARLY_SHIFT, LATE_SHIFT, aEarly ? managerA : managerB,
                    aEarly ? phoneA : phoneB));
            shifts.add(new DutyShift(day, LATE_SHIFT, SHIFTS_END, aEarly ? managerB : managerA,
                    aEarly ? phoneB : phoneA));
        }
        return new Branch("BR-" + city.codeName(), city.name() + " Branch", city.name(), city.province(), address,
                city.latitude(), city.longitude(), managerA, phoneA, List.of(city.province()), shifts);
    }

    /** Two to four engineers, by the size of the city's market; codes continue from {@code issued}. */
    private List<FieldEngineer> engineers(City city, String branchCode, int issued) {
        int count = city.weight() >= 12 ? 4 : city.weight() >= 6 ? 3 : 2;
        List<FieldEngineer> engineers = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String code = String.format(Locale.ROOT, "FE-%03d", issued + index + 1);
            engineers.add(new FieldEngineer(code, branchCode, names.next(), phones.mobile(),
                    engineerSkills(ENGINEER_FOCUS.get(index))));
        }
        return engineers;
    }

    private List<SkillLevel> engineerSkills(String focus) {
        ProductLine first = DemoCatalog.PRODUCT_LINES.stream()
                .filter(line -> line.code().equals(focus)).findFirst().orElseThrow();
        List<ProductLine> lines = new ArrayList<>(List.of(first));
        if (random.chance(0.5)) {
            List<ProductLine> others = new ArrayList<>(DemoCatalog.PRODUCT_LINES);
            others.remove(first);
            lines.add(random.weighted(others, ProductLine::weight));
        }
        List<SkillLevel> skills = new ArrayList<>();
        for (ProductLine line : lines) {
            skills.add(new SkillLevel(line.code(), random.between(3, 5)));
        }
        for (ProductLine line : lines) {
            int modules = line == first ? random.between(1, 3) : 1;
            for (int module : random.distinctIndexes(line.modules().size(), modules)) {
                skills.add(new SkillLevel(line.moduleCode(module), random.between(3, 5)));
            }
        }
        return skills;
    }
}
