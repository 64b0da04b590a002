package io.hotline.persistence.seed;

import io.hotline.persistence.seed.DemoCatalog.City;
import io.hotline.persistence.seed.DemoCatalog.ProductLine;
import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.seed.DemoOrganisation.Customer;
import io.hotline.persistence.seed.DemoOrganisation.CustomerPhone;
import io.hotline.persistence.seed.DemoOrganisation.InstalledProduct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generates the demo customers. The first 42 customers are one per branch city, so every branch has work;
 * the others are spread by the size of each city's market. Contracts are about 50 % basic, 35 % standard and
 * 15 % premium, about 8 % of customers are VIP, and about one installed product in eight has a licence
 * expiring within 60 days of {@link DemoOrganisation#REFERENCE_DATE} (one in ten has just expired), so
 * proactive care has work. Not thread-safe: confined to one generation.
 */
final class DemoCustomers {
    /** How far (degrees) a customer's site may lie from its city's centre. */
    private static final double JITTER_DEGREES = 0.15;
    private static final List<String> PHONE_LABELS = List.of("MAIN", "IT", "FINANCE");
    /** The share of landlines among the MAIN, IT and FINANCE numbers; the rest are mobiles. */
    private static final double[] LANDLINE_SHARE = {0.85, 0.3, 0.5};

    private final DemoRandom random;
    private final DemoPhoneNumbers phones;
    private final Set<String> names = new HashSet<>();

    DemoCustomers(DemoRandom random, DemoPhoneNumbers phones) {
        this.random = random;
        this.phones = phones;
    }

    List<Customer> generate(int count) {
        List<Customer> customers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            City city = index < DemoCatalog.CITIES.size() ? DemoCatalog.CITIES.get(index)
                    : random.weighted(DemoCatalog.CITIES, City::weight);
            customers.add(customer(String.format(Locale.ROOT, "C%05d", index + 1), city));
        }
        return customers;
    }

    private Customer customer(String code, City city) {
        // A customer of at least five months: its products were installed after it signed, and at least four
        // months ago, so even a just-expired licence ran for a while.
        int ageDays = random.between(150, 3000);
        Instant createdAt = DemoOrganisation.REFERENCE_INSTANT.minus(Duration.ofDays(ageDays))
                .plus(Duration.ofHours(random.between(1, 9)));
        List<InstalledProduct> products = products(ageDays);
        boolean group = products.stream().anyMatch(product -> product.productCode().equals("ERP_NC"));
        String name = name(city, group);
        String address = random.between(1, 999) + " " + random.pick(DemoCatalog.ROADS) + ", "
                + (random.chance(0.5) ? city.district() + ", " + city.name()
                        : city.name() + " " + random.pick(DemoCatalog.ZONES));
        double latitude = jitter(city.latitude());
        double longitude = jitter(city.longitude());
        ContractLevel contract = contract();
        boolean vip = random.chance(vipShare(contract));
        return new Customer(code, name, city.province(), address, latitude, longitude, contract, vip, createdAt,
                phones(city), products);
    }

    /** e.g. {@code Suzhou Hengtai Precision Machinery Co., Ltd.}; group ERP customers are groups. */
    private String name(City city, boolean group) {
        String name;
        do {
            name = city.name() + " " + random.pick(DemoCatalog.BRAND_WORDS) + " "
                    + random.pick(DemoCatalog.INDUSTRIES) + (group ? " Group" : "") + " Co., Ltd.";
        } while (!names.add(name));
        return name;
    }

    private double jitter(double degrees) {
        double jittered = degrees + (random.unit() * 2 - 1) * JITTER_DEGREES;
        // DECIMAL(9, 6) keeps six decimals: generate exactly what the database stores.
        return Math.round(jittered * 1_000_000) / 1_000_000.0;
    }

    private ContractLevel contract() {
        double draw = random.unit();
        return draw < 0.50 ? ContractLevel.BASIC : draw < 0.85 ? ContractLevel.STANDARD : ContractLevel.PREMIUM;
    }

    /** Chosen so that about 8 % of all customers are VIP, most of them premium. */
    private static double vipShare(ContractLevel contract) {
        return switch (contract) {
            case PREMIUM -> 0.35;
            case STANDARD -> 0.06;
            default -> 0.02;
        };
    }

    private List<CustomerPhone> phones(City city) {
        double draw = random.unit();
        int count = draw < 0.45 ? 1 : draw < 0.85 ? 2 : 3;
        List<CustomerPhone> numbers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            String number = random.chance(LANDLINE_SHARE[index]) ? phones.landline(city.areaCode()) : phones.mobile();
            numbers.add(new CustomerPhone(number, PHONE_LABELS.get(index)));
        }
        return numbers;
    }

    /** One product line (60 %), two (30 %) or three (10 %), chosen by how common each is. */
    private List<InstalledProduct> products(int customerAgeDays) {
        double draw = random.unit();
        int count = draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3;
        List<InstalledProduct> products = new ArrayList<>(count);
        for (ProductLine line : random.weightedDistinct(DemoCatalog.PRODUCT_LINES, ProductLine::weight, count)) {
            products.add(product(line, customerAgeDays));
        }
        return products;
    }

    private InstalledProduct product(ProductLine line, int customerAgeDays) {
        // The larger of two draws: customers lean towards recent versions.
        int versions = line.versions().size();
        String version = line.versions().get(Math.max(random.below(versions), random.below(versions)));
        LocalDate reference = DemoOrganisation.REFERENCE_DATE;
        LocalDate installedOn = reference.minusDays(random.between(120, customerAgeDays - 1));
        double draw = random.unit();
        LocalDate expiresOn;
        if (draw < 0.10) {
            expiresOn = reference.minusDays(random.between(1, 90));
        } else if (draw < 0.22) {
            expiresOn = reference.plusDays(random.between(0, 59));
        } else {
            expiresOn = reference.plusDays(random.between(60, 900));
        }
        int moduleCount = random.between(1, Math.min(4, line.modules().size()));
        List<String> modules = new ArrayList<>();
        for (int module : random.distinctIndexes(line.modules().size(), moduleCount)) {
            modules.add(line.moduleCode(module));
        }
        return new InstalledProduct(line.code(), version, installedOn, expiresOn, modules);
    }
}
