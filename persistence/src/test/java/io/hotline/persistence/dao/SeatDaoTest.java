package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeatDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldListActiveSeatsWithTheirSkills() {
        // given two active seats, one with two skills and one with none, and an inactive seat
        SeatDao seats = DB.jdbi().onDemand(SeatDao.class);
        long erp = Fixtures.skill(DB.jdbi(), "ERP", SkillKind.PRODUCT_LINE, null);
        long zh = Fixtures.skill(DB.jdbi(), "ZH", SkillKind.LANGUAGE, null);
        long alice = seats.insert(new SeatRow(0, "S-ALICE", "Alice", Tier.TIER1, "PJSIP/1001", true, T0));
        long bob = seats.insert(new SeatRow(0, "S-BOB", "Bob", Tier.TIER2, "PJSIP/1002", true, T0));
        long carol = seats.insert(new SeatRow(0, "S-CAROL", "Carol", Tier.EXPERT, "PJSIP/1003", true, T0));
        seats.addSkills(List.of(new SeatSkillRow(alice, erp, 4), new SeatSkillRow(alice, zh, 5),
                new SeatSkillRow(carol, erp, 5)));
        assertThat(seats.setActive(carol, false)).isTrue();

        // when (other tests of this class add seats of their own)
        List<SeatWithSkills> active = seats.listActiveWithSkills().stream()
                .filter(seat -> Set.of(alice, bob, carol).contains(seat.seat().id())).collect(Collectors.toList());

        // then
        assertThat(active).extracting(seat -> seat.seat().code()).containsExactly("S-ALICE", "S-BOB");
        assertThat(active.get(0).skills()).isEqualTo(Map.of("ERP", 4, "ZH", 5));
        assertThat(active.get(0).seat().createdAt()).isEqualTo(T0);
        assertThat(active.get(1).skills()).isEmpty();
        assertThat(active.get(1).seat().tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void shouldFindASeatBySipEndpointAndByCode() {
        SeatDao seats = DB.jdbi().onDemand(SeatDao.class);
        long id = seats.insert(new SeatRow(0, "S-DAN", "Dan", Tier.TIER1, "PJSIP/2001", true, T0));

        assertThat(seats.findBySipEndpoint("PJSIP/2001")).get().extracting(SeatRow::id).isEqualTo(id);
        assertThat(seats.findByCode("S-DAN")).get().extracting(SeatRow::sipEndpoint).isEqualTo("PJSIP/2001");
        assertThat(seats.findBySipEndpoint("PJSIP/9999")).isEmpty();
    }

    @Test
    void shouldRefuseARungWithoutSeats() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeatRow(0, "S-X", "X", Tier.ON_SITE, "PJSIP/3001", true, T0))
                .withMessageContaining("not a seat tier");
    }
}
