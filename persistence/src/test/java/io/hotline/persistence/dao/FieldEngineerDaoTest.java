package io.hotline.persistence.dao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FieldEngineerDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldFindTheEngineerByMobileWhateverTheFormatting() {
        // given an engineer registered with a formatted mobile
        long branch = Fixtures.branch(DB.jdbi(), "B-FIND");
        long id = Fixtures.engineer(DB.jdbi(), branch, "E-WANG", "+86 139 1111 0001");

        // when an SMS arrives from the same number as the gateway formats it
        var sender = DB.jdbi().onDemand(FieldEngineerDao.class).findByMobilePhone("+86-139-1111-0001");

        // then
        assertThat(sender).get().satisfies(engineer -> {
            assertThat(engineer.id()).isEqualTo(id);
            assertThat(engineer.mobilePhone()).isEqualTo("+8613911110001");
            assertThat(engineer.active()).isTrue();
        });
    }

    @Test
    void shouldNotFindAnUnknownOrGarbageSender() {
        FieldEngineerDao engineers = DB.jdbi().onDemand(FieldEngineerDao.class);

        assertThat(engineers.findByMobilePhone("+86 139 9999 9999")).isEmpty();
        assertThat(engineers.findByMobilePhone("SPAMCO")).isEmpty();
    }

    @Test
    void shouldListTheEngineersOfABranch() {
        long north = Fixtures.branch(DB.jdbi(), "B-NORTH");
        long south = Fixtures.branch(DB.jdbi(), "B-SOUTH");
        Fixtures.engineer(DB.jdbi(), north, "E-N2", "13922220002");
        Fixtures.engineer(DB.jdbi(), north, "E-N1", "13922220001");
        Fixtures.engineer(DB.jdbi(), south, "E-S1", "13922220003");

        assertThat(DB.jdbi().onDemand(FieldEngineerDao.class).listByBranch(north))
                .extracting(FieldEngineerRow::code).containsExactly("E-N1", "E-N2");
    }

    @Test
    void shouldRefuseASecondEngineerOnTheSameMobile() {
        long branch = Fixtures.branch(DB.jdbi(), "B-DUP");
        Fixtures.engineer(DB.jdbi(), branch, "E-A", "13933330001");

        assertThatThrownBy(() -> Fixtures.engineer(DB.jdbi(), branch, "E-B", "139 3333 0001"))
                .isInstanceOf(JdbiException.class)
                .satisfies(e -> assertThat(DuplicateKeys.isDuplicateOf(e, "uq_field_engineer_mobile")).isTrue());
    }
}
