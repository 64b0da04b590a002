package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.spi.CallerProfile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compact index on its own: number keys, the oldest account keeping a shared number, products in order. */
class CallerIndexTest {

    @Test
    void shouldGiveEveryWayOfDiallingADifferentKey() {
        // numbers that differ only by the plus, leading zeros or length must never meet
        List<String> numbers = List.of("+8613800000000", "8613800000000", "008613800000000", "08613800000000",
                "+86138000000000", "012", "12", "+12", "0012", "99999999999999999", "+99999999999999999");

        Set<Long> keys = numbers.stream().map(CallerIndex::key).collect(Collectors.toSet());

        assertThat(keys).hasSize(numbers.size()).doesNotContain(0L);
        assertThat(CallerIndex.key("123456789012345678")).as("18 digits: kept by text").isZero();
    }

    @Test
    void shouldKeepASharedNumberForTheOldestAccountAndProductsInTheirOrder() {
        CallerIndex.Builder builder = new CallerIndex.Builder();
        Stream.iterate(1L, id -> id + 1).limit(40).forEach(id -> builder.customer(id * 10, id == 7, "STANDARD"));
        builder.product(70, "ERP_U8");
        builder.product(70, "HR");
        builder.openWorkOrder(70, 900, "S1004");
        builder.openWorkOrder(70, 800, null);
        builder.openWorkOrder(55, 1, null);
        builder.phone("+862150505050", 70);
        builder.phone("+862150505050", 80);
        builder.phone("+8613811112222", 80);
        builder.phone("001234567890123456789", 390);

        CallerIndex index = builder.build();

        assertThat(index.find("+862150505050")).contains(new CallerProfile(70, true, "STANDARD",
                List.of("ERP_U8", "HR"), 900L, "S1004"));
        assertThat(index.find("+8613811112222")).contains(new CallerProfile(80, false, "STANDARD", List.of(),
                null, null));
        assertThat(index.find("001234567890123456789").orElseThrow().customerId()).isEqualTo(390);
        assertThat(index.find("+8613811112223")).isEmpty();
        assertThat(index.customers()).isEqualTo(40);
    }
}
