package io.hotline.persistence.dao;

import java.util.Objects;

/**
 * A {@code customer_phone} row: a number the customer calls from. The number is normalised here (see
 * {@link PhoneNumbers}), so it is stored exactly as caller ids are looked up. Immutable.
 *
 * @param customerId  the customer
 * @param phoneNumber the number, normalised by the constructor
 * @param label       what the number is, e.g. {@code IT desk}, {@code mobile}
 * @throws IllegalArgumentException when the number is garbage
 */
public record CustomerPhone(long customerId, String phoneNumber, String label) {

    public CustomerPhone {
        phoneNumber = PhoneNumbers.normalise(phoneNumber);
        Objects.requireNonNull(label, "label");
    }
}
