package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code kb_article} row: a solution, searchable by full text over title and body. Immutable.
 *
 * @param id                the database key; ignored on insert, which returns the generated one
 * @param code              the article number
 * @param title             the title
 * @param body              the text
 * @param productSkillId    the product line it applies to, or {@code null}
 * @param sourceWorkOrderId the work order it was written from, or {@code null}
 * @param author            who wrote it
 * @param createdAt         when it was written
 * @param updatedAt         when it last changed
 */
public record KbArticleRow(long id, String code, String title, String body, Long productSkillId,
                           Long sourceWorkOrderId, String author, Instant createdAt, Instant updatedAt) {

    public KbArticleRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
