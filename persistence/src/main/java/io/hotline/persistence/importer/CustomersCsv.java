package io.hotline.persistence.importer;

import io.hotline.persistence.dao.ContractLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * customers.csv: {@code code,name,contract_level,vip,region,site_address,latitude,longitude,phones}. A customer
 * has one site (where engineers go); phones are {@code LABEL:number} entries (or just a number, labelled MAIN)
 * separated by ';'. Stateless.
 */
final class CustomersCsv {
    static final String FILE = "customers.csv";
    static final List<String> REQUIRED = List.of("code", "name", "contract_level", "region", "site_address",
            "latitude", "longitude", "phones");
    static final List<String> OPTIONAL = List.of("vip");
    static final String DEFAULT_LABEL = "MAIN";

    private CustomersCsv() {
    }

    static List<Specs.Lined<Specs.Customer>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Customer>> customers = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String code = row.code("code", 32);
            String name = row.text("name", 200);
            ContractLevel level = row.choice("contract_level", ContractLevel.class, List.of(ContractLevel.values()));
            boolean vip = row.bool("vip", false);
            String region = row.text("region", 64);
            String address = row.text("site_address", 400);
            BigDecimal latitude = row.decimal("latitude", -90, 90);
            BigDecimal longitude = row.decimal("longitude", -180, 180);
            Map<String, String> phones = phones(row);
            if (row.ok()) {
                customers.add(new Specs.Lined<>(row.line(), new Specs.Customer(code, name, level, vip, region,
                        address, latitude, longitude, phones)));
            } else {
                row.leftOut(code);
            }
        }
        return customers;
    }

    private static Map<String, String> phones(CsvRow row) {
        Map<String, String> phones = new LinkedHashMap<>();
        for (String entry : row.list("phones")) {
            int colon = Math.max(entry.lastIndexOf(':'), entry.lastIndexOf('：'));
            String label = colon < 0 ? DEFAULT_LABEL : entry.substring(0, colon).strip();
            if (label.isEmpty() || !row.fits("phones", label, 32)) {
                row.problem("phones", "'" + entry + "' has an empty or too long label (LABEL:number)");
                continue;
            }
            String number = row.phoneNumber("phones", entry.substring(colon + 1).strip());
            if (number != null && phones.putIfAbsent(number, label) != null) {
                row.problem("phones", "number " + number + " is listed twice");
            }
        }
        if (phones.isEmpty() && row.ok()) {
            row.problem("phones", "is empty; a customer needs at least one phone number to be recognised");
        }
        return phones;
    }
}
