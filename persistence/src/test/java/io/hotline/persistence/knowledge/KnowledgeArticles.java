package io.hotline.persistence.knowledge;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Rows the knowledge-base tests need, written with SQL as the demo seed or an operator would. */
final class KnowledgeArticles {
    /** An instant with a millisecond part, which the driver would drop if instants bypassed UtcInstants. */
    static final Instant T0 = Instant.parse("2026-11-22T03:04:05.678Z");

    private KnowledgeArticles() {
    }

    /** Inserts a product line; returns its id. */
    static long productLine(Jdbi jdbi, String code) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "INSERT INTO skill (code, name, kind) VALUES (:code, :code, 'PRODUCT_LINE')")
                .bind("code", code)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Inserts an article behind the knowledge base's back, for the product line with this code or for all. */
    static void article(Jdbi jdbi, String code, String productLine, String title, String symptoms, String body) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO kb_article (code, title, symptoms, body,"
                        + " product_skill_id, author, created_at, updated_at) VALUES (:code, :title, :symptoms, :body,"
                        + " (SELECT id FROM skill WHERE code = :productLine), 'S-EXPERT', :at, :at)")
                .bind("code", code)
                .bind("title", title)
                .bind("symptoms", symptoms)
                .bind("body", body)
                .bind("productLine", productLine)
                .bind("at", T0)
                .execute());
    }

    /** Inserts a work order in {@code state} for the product line with this code; returns its id. */
    static long workOrder(Jdbi jdbi, String productLine, String state, String subject) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO work_order (product_skill_id, subject,"
                        + " severity, state, tier, created_at, updated_at, response_due_at, resolution_due_at)"
                        + " VALUES ((SELECT id FROM skill WHERE code = :productLine), :subject, 'P2', :state, 'TIER1',"
                        + " :at, :at, :at, :at)")
                .bind("productLine", productLine)
                .bind("subject", subject)
                .bind("state", state)
                .bind("at", T0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** How many rows {@code kb_article} has. */
    static int count(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM kb_article")
                .mapTo(Integer.class).one());
    }
}
