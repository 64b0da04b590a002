package io.hotline.persistence.dao;

import java.time.LocalDate;

/**
 * A {@code customer_product} row: a product line installed at a customer. Immutable.
 *
 * @param id               the database key; ignored on insert, which returns the generated one
 * @param customerId       the customer
 * @param productSkillId   the product line ({@link SkillKind#PRODUCT_LINE} skill)
 * @param version          the installed version
 * @param installedOn      when it was installed, or {@code null}
 * @param licenceExpiresOn when the licence ends, or {@code null} for perpetual
 */
public record CustomerProductRow(
        long id, long customerId, long productSkillId, String version, LocalDate installedOn,
        LocalDate licenceExpiresOn) {
}
