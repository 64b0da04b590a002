package io.hotline.routing.knowledge;

import java.time.Instant;
import java.util.Objects;

/**
 * A published knowledge-base article: a problem's symptoms and how to solve it. Immutable.
 *
 * @param code              the article number, e.g. {@code KB-0042}; unique
 * @param title             the title, what a seat reads first
 * @param symptoms          what the customer sees or reports; empty when the title says it all
 * @param solution          how to solve it
 * @param productLine       the product line's skill code (e.g. {@code ERP_U8}), or {@code null} for every product
 * @param sourceWorkOrderId the resolved work order it was written from (its provenance), or {@code null}
 * @param author            who wrote it (a seat code or a user name)
 * @param createdAt         when it was published
 * @param updatedAt         when it last changed
 */
public record Article(String code, String title, String symptoms, String solution, String productLine,
                      Long sourceWorkOrderId, String author, Instant createdAt, Instant updatedAt) {

    public Article {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(symptoms, "symptoms");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
