package io.hotline.persistence.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * products.csv: {@code customer,product,version,installed_on,licence_expires_on,modules}, one row per product
 * line installed at a customer; the rows of a customer are all its installed products. Stateless.
 */
final class ProductsCsv {
    static final String FILE = "products.csv";
    static final List<String> REQUIRED = List.of("customer", "product", "version");
    static final List<String> OPTIONAL = List.of("installed_on", "licence_expires_on", "modules");

    private ProductsCsv() {
    }

    static List<Specs.Lined<Specs.Product>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Product>> products = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String customer = row.code("customer", 32);
            String product = row.code("product", 64);
            String version = row.text("version", 32);
            LocalDate installedOn = row.date("installed_on");
            LocalDate expiresOn = row.date("licence_expires_on");
            Set<String> modules = new LinkedHashSet<>();
            for (String module : row.list("modules")) {
                if (!modules.add(module)) {
                    row.problem("modules", "module " + module + " is listed twice");
                }
            }
            if (row.ok()) {
                products.add(new Specs.Lined<>(row.line(),
                        new Specs.Product(customer, product, version, installedOn, expiresOn, modules)));
            }
        }
        return products;
    }
}
