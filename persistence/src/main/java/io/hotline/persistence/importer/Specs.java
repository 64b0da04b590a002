package io.hotline.persistence.importer;

import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.dao.SkillKind;
import io.hotline.routing.ladder.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an organisation's rows say, by natural key, in the same shape whether read from the import files or from
 * the database, so that "unchanged" is {@code equals}. Values are normalised as stored (phone numbers in their
 * normal form, coordinates at scale 6, constants upper case). All records are immutable.
 */
final class Specs {

    private Specs() {
    }

    /**
     * A value read from a file, with the line its record starts on.
     *
     * @param line the 1-based line
     * @param spec what the row says
     * @param <T>  the kind of row
     */
    record Lined<T>(int line, T spec) {
    }

    /** A skill; {@code parent} is a module's product line, else {@code null}. */
    record Skill(String code, String name, SkillKind kind, String parent) {
    }

    /** A seat with its skills (skill code to proficiency 1-5). */
    record Seat(String code, String name, Tier tier, String sipEndpoint, boolean active, Map<String, Integer> skills) {
        Seat {
            skills = Map.copyOf(skills);
        }
    }

    /** A branch with the customer regions it covers and its default duty manager. */
    record Branch(String code, String name, String city, String province, String address, BigDecimal latitude,
                  BigDecimal longitude, String timeZone, String managerName, String managerPhone, boolean active,
                  Set<String> regions) {
        Branch {
            regions = Set.copyOf(regions);
        }
    }

    /** One weekly duty shift of a branch; keyed by branch, ISO day of week and start. */
    record Shift(String branch, int dayOfWeek, LocalTime startsAt, LocalTime endsAt, String managerName,
                 String managerPhone) {

        /** The natural key: branch, day and start. */
        String key() {
            return branch + "/" + dayOfWeek + "/" + startsAt;
        }
    }

    /** A field engineer of a branch, with the mobile SMS check-ins come from and their skills. */
    record Engineer(String code, String name, String branch, String mobile, boolean active,
                    Map<String, Integer> skills) {
        Engineer {
            skills = Map.copyOf(skills);
        }
    }

    /** A customer with the site engineers go to and its phone numbers (normal form to label). */
    record Customer(String code, String name, ContractLevel contractLevel, boolean vip, String region,
                    String siteAddress, BigDecimal latitude, BigDecimal longitude, Map<String, String> phones) {
        Customer {
            phones = Map.copyOf(phones);
        }
    }

    /** A product line installed at a customer; keyed by customer and product line. */
    record Product(String customer, String product, String version, LocalDate installedOn,
                   LocalDate licenceExpiresOn, Set<String> modules) {
        Product {
            modules = Set.copyOf(modules);
        }

        /** The natural key: customer and product line. */
        String key() {
            return customer + "/" + product;
        }
    }

    /**
     * Everything the import files hold, each row with its line; a kind whose file is absent is empty.
     *
     * @param skills    skills.csv
     * @param seats     seats.csv
     * @param branches  branches.csv
     * @param shifts    rosters.csv
     * @param engineers engineers.csv
     * @param customers customers.csv
     * @param products  products.csv
     */
    record Files(List<Lined<Skill>> skills, List<Lined<Seat>> seats, List<Lined<Branch>> branches,
                 List<Lined<Shift>> shifts, List<Lined<Engineer>> engineers, List<Lined<Customer>> customers,
                 List<Lined<Product>> products) {
        Files {
            skills = List.copyOf(skills);
            seats = List.copyOf(seats);
            branches = List.copyOf(branches);
            shifts = List.copyOf(shifts);
            engineers = List.copyOf(engineers);
            customers = List.copyOf(customers);
            products = List.copyOf(products);
        }
    }
}
