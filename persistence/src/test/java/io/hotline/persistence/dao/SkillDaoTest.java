package io.hotline.persistence.dao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SkillDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldInsertAndFindSkillsByCodeAndKind() {
        // given a product line with two modules
        SkillDao skills = DB.jdbi().onDemand(SkillDao.class);
        long erp = skills.insert(new SkillRow(0, "ERP", "ERP suite", SkillKind.PRODUCT_LINE, null));
        skills.insert(new SkillRow(0, "ERP-HR", "Human resources", SkillKind.MODULE, erp));
        skills.insert(new SkillRow(0, "ERP-FIN", "Finance", SkillKind.MODULE, erp));

        // when
        var found = skills.findByCode("ERP-HR");
        var modules = skills.listByKind(SkillKind.MODULE);

        // then
        assertThat(found).get().satisfies(skill -> {
            assertThat(skill.name()).isEqualTo("Human resources");
            assertThat(skill.kind()).isEqualTo(SkillKind.MODULE);
            assertThat(skill.parentId()).isEqualTo(erp);
        });
        assertThat(modules).extracting(SkillRow::code).containsExactly("ERP-FIN", "ERP-HR");
        assertThat(skills.listByKind(SkillKind.PRODUCT_LINE)).singleElement()
                .satisfies(line -> assertThat(line.parentId()).isNull());
        assertThat(skills.findByCode("NOPE")).isEmpty();
    }

    @Test
    void shouldRefuseADuplicateCode() {
        SkillDao skills = DB.jdbi().onDemand(SkillDao.class);
        skills.insert(new SkillRow(0, "ZH", "Chinese", SkillKind.LANGUAGE, null));

        assertThatThrownBy(() -> skills.insert(new SkillRow(0, "ZH", "Mandarin", SkillKind.LANGUAGE, null)))
                .isInstanceOf(JdbiException.class)
                .satisfies(e -> assertThat(DuplicateKeys.isDuplicateOf(e, "uq_skill_code")).isTrue());
    }
}
