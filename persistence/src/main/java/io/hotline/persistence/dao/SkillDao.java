package io.hotline.persistence.dao;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Skills: product lines, their modules, languages. Thread-safe when obtained with {@code Jdbi.onDemand};
 * confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(SkillRow.class)
public interface SkillDao {

    /** Inserts a skill; returns its id. Fails on a duplicate code ({@code uq_skill_code}). */
    @SqlUpdate("INSERT INTO skill (code, name, kind, parent_id) VALUES (:code, :name, :kind, :parentId)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods SkillRow skill);

    /** The skill with this code. */
    @SqlQuery("SELECT id, code, name, kind, parent_id FROM skill WHERE code = :code")
    Optional<SkillRow> findByCode(@Bind("code") String code);

    /** Every skill of one kind, by code. */
    @SqlQuery("SELECT id, code, name, kind, parent_id FROM skill WHERE kind = :kind ORDER BY code")
    List<SkillRow> listByKind(@Bind("kind") SkillKind kind);
}
