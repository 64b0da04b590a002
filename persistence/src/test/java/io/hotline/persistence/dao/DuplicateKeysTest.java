package io.hotline.persistence.dao;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    @Test
    void shouldRecogniseMariaDbDuplicateOfTheNamedKey() {
        // given MariaDB's message: the key without its table
        Exception error = new RuntimeException("wrapped", new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'pbx-1-1700000000.1' for key 'uq_work_order_call'", "23000", 1062));

        // then
        assertThat(DuplicateKeys.isDuplicateOf(error, "uq_work_order_call")).isTrue();
        assertThat(DuplicateKeys.isDuplicateOf(error, "uq_sms_gateway_message")).isFalse();
    }

    @Test
    void shouldRecogniseMySqlDuplicateWithTablePrefix() {
        Exception error = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'pbx-1-1700000000.1' for key 'work_order.uq_work_order_call'", "23000", 1062);

        assertThat(DuplicateKeys.isDuplicateOf(error, "uq_work_order_call")).isTrue();
    }

    @Test
    void shouldNotMistakeAForeignKeyViolationForADuplicate() {
        // given the same SQLState (23000) but error 1452
        Exception error = new SQLIntegrityConstraintViolationException("Cannot add or update a child row: a foreign"
                + " key constraint fails (`work_order`, CONSTRAINT `fk_work_order_customer` ...)", "23000", 1452);

        assertThat(DuplicateKeys.isDuplicateOf(error, "uq_work_order_call")).isFalse();
    }

    @Test
    void shouldReadTheKeyAfterAValueThatLooksLikeOne() {
        // given a duplicate value that itself contains the phrase
        String message = "Duplicate entry 'x for key 'y' for key 'uq_sms_gateway_message'";

        assertThat(DuplicateKeys.keyNameIn(message)).isEqualTo("uq_sms_gateway_message");
        assertThat(DuplicateKeys.keyNameIn("no key here")).isNull();
        assertThat(DuplicateKeys.keyNameIn(null)).isNull();
    }
}
