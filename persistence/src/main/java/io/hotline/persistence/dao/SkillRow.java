package io.hotline.persistence.dao;

import java.util.Objects;

/**
 * A {@code skill} row: a product line, one of its modules, or a language. Immutable.
 *
 * @param id       the database key; ignored on insert, which returns the generated one
 * @param code     the stable identifier other configuration refers to, e.g. {@code ERP-FIN}
 * @param name     the display name
 * @param kind     what it describes
 * @param parentId for a {@link SkillKind#MODULE}, its product line; otherwise usually {@code null}
 */
public record SkillRow(long id, String code, String name, SkillKind kind, Long parentId) {

    public SkillRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
