package io.hotline.persistence.importer;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes the planned customers with their phones and site, and their installed products with their modules. A
 * written customer's phones and a written product's modules are replaced by the file's list. Single use; confined
 * to the handle's thread, inside the import's transaction.
 */
final class CustomerWriter {
    private final Batches batches;
    private final ImportPlan plan;

    CustomerWriter(Batches batches, ImportPlan plan) {
        this.batches = batches;
        this.plan = plan;
    }

    void write(Map<String, Long> skills, Instant now) {
        writeCustomers(now);
        writeProducts(skills);
    }

    private void writeCustomers(Instant now) {
        batches.run("INSERT INTO customer (code, name, region, site_address, latitude, longitude, contract_level,"
                + " vip, created_at) VALUES (:code, :name, :region, :address, :latitude, :longitude, :level, :vip,"
                + " :now)", plan.customers.added,
                (batch, customer) -> bind(batch.bind("code", customer.code()).bind("now", now), customer));
        batches.run("UPDATE customer SET name = :name, region = :region, site_address = :address,"
                + " latitude = :latitude, longitude = :longitude, contract_level = :level, vip = :vip WHERE id = :id",
                plan.customers.updated.entrySet(), (batch, entry) -> bind(batch.bind("id", entry.getKey()),
                        entry.getValue()));
        Map<String, Long> ids = batches.ids("customer",
                plan.customers.written().stream().map(Specs.Customer::code).toList());
        batches.byId("DELETE FROM customer_phone WHERE customer_id = :id", plan.customers.updated.keySet());
        List<Phone> phones = plan.customers.written().stream().flatMap(customer -> customer.phones().entrySet()
                .stream().map(phone -> new Phone(ids.get(customer.code()), phone.getKey(), phone.getValue())))
                .toList();
        batches.run("INSERT INTO customer_phone (customer_id, phone_number, label) VALUES (:customer, :number,"
                + " :label)", phones, (batch, phone) -> batch.bind("customer", phone.customer())
                .bind("number", phone.number()).bind("label", phone.label()));
    }

    private static void bind(PreparedBatch batch, Specs.Customer customer) {
        batch.bind("name", customer.name()).bind("region", customer.region())
                .bind("address", customer.siteAddress()).bind("latitude", customer.latitude())
                .bind("longitude", customer.longitude()).bind("level", customer.contractLevel().name())
                .bind("vip", customer.vip());
    }

    private void writeProducts(Map<String, Long> skills) {
        batches.byId("DELETE FROM customer_product WHERE id = :id", plan.products.removed);
        batches.run("UPDATE customer_product SET version = :version, installed_on = :installed,"
                + " licence_expires_on = :expires WHERE id = :id", plan.products.updated.entrySet(),
                (batch, entry) -> bind(batch.bind("id", entry.getKey()), entry.getValue()));
        Set<String> customerCodes = new HashSet<>();
        plan.products.added.forEach(product -> customerCodes.add(product.customer()));
        Map<String, Long> customers = batches.ids("customer", customerCodes);
        batches.run("INSERT INTO customer_product (customer_id, product_skill_id, version, installed_on,"
                + " licence_expires_on) VALUES (:customer, :product, :version, :installed, :expires)",
                plan.products.added, (batch, product) -> bind(batch.bind("customer", customers.get(product.customer()))
                        .bind("product", skills.get(product.product())), product));
        batches.byId("DELETE FROM customer_product_module WHERE customer_product_id = :id",
                plan.products.updated.keySet());
        Map<String, Long> ids = productIds(plan.products.written());
        List<Map.Entry<Long, Long>> modules = plan.products.written().stream().flatMap(product -> product.modules()
                .stream().map(module -> Map.entry(ids.get(product.key()), skills.get(module)))).toList();
        batches.run("INSERT INTO customer_product_module (customer_product_id, module_skill_id)"
                + " VALUES (:product, :module)", modules,
                (batch, module) -> batch.bind("product", module.getKey()).bind("module", module.getValue()));
    }

    private static void bind(PreparedBatch batch, Specs.Product product) {
        batch.bind("version", product.version()).bind("installed", Batches.date(product.installedOn()))
                .bind("expires", Batches.date(product.licenceExpiresOn()));
    }

    private Map<String, Long> productIds(List<Specs.Product> products) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Batches.chunks(products.stream().map(Specs.Product::customer).distinct().toList())) {
            batches.handle().createQuery("SELECT cp.id, c.code AS customer, s.code AS product"
                            + " FROM customer c STRAIGHT_JOIN customer_product cp ON cp.customer_id = c.id"
                            + " STRAIGHT_JOIN skill s ON s.id = cp.product_skill_id WHERE c.code IN (<codes>)")
                    .bindList("codes", chunk)
                    .map((row, context) -> ids.put(row.getString("customer") + "/" + row.getString("product"),
                            row.getLong("id")))
                    .list();
        }
        return ids;
    }

    /** One phone number of a customer, by the customer's database id. */
    private record Phone(long customer, String number, String label) {
    }
}
