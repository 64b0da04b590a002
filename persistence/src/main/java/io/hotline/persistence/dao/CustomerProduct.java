package io.hotline.persistence.dao;

import java.util.List;
import java.util.Objects;

/**
 * A customer's installed product as the screen-pop and routing see it: the row, the product line's code and
 * name, and the codes of the modules installed with it. Immutable.
 *
 * @param product     the {@code customer_product} row
 * @param productCode the product line's skill code
 * @param productName the product line's name
 * @param moduleCodes the installed modules' skill codes, sorted; empty when none are recorded
 */
public record CustomerProduct(CustomerProductRow product, String productCode, String productName,
                              List<String> moduleCodes) {

    public CustomerProduct {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productCode, "productCode");
        moduleCodes = List.copyOf(moduleCodes);
    }
}
