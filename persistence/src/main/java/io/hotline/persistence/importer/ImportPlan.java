package io.hotline.persistence.importer;

import java.util.List;

/**
 * Everything an import changes, kind by kind, computed from the files and what the database holds. Immutable once
 * built; confined to the importing thread.
 */
final class ImportPlan {
    final Changes<Specs.Skill> skills;
    final Changes<Specs.Seat> seats;
    final Changes<Specs.Branch> branches;
    final Changes<Specs.Shift> shifts;
    final Changes<Specs.Engineer> engineers;
    final Changes<Specs.Customer> customers;
    final Changes<Specs.Product> products;

    private ImportPlan(Specs.Files files, StoredOrganisation stored) {
        skills = Changes.of(files.skills(), stored.skills, Specs.Skill::code);
        seats = Changes.of(files.seats(), stored.seats, Specs.Seat::code);
        branches = Changes.of(files.branches(), stored.branches, Specs.Branch::code);
        shifts = Changes.replacingSets(files.shifts(), stored.shifts, Specs.Shift::key, Specs.Shift::branch);
        engineers = Changes.of(files.engineers(), stored.engineers, Specs.Engineer::code);
        customers = Changes.of(files.customers(), stored.customers, Specs.Customer::code);
        products = Changes.replacingSets(files.products(), stored.products, Specs.Product::key,
                Specs.Product::customer);
    }

    static ImportPlan of(Specs.Files files, StoredOrganisation stored) {
        return new ImportPlan(files, stored);
    }

    /** The counts per kind, named as in the summary the operator reads. */
    ImportSummary summary(boolean written) {
        return new ImportSummary(List.of(skills.count("skills"), seats.count("seats"), branches.count("branches"),
                shifts.count("rosters"), engineers.count("engineers"), customers.count("customers"),
                products.count("products")), written);
    }
}
