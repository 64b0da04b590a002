package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WorkOrderDetails;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.ArticleRefusedException;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The knowledge base as the running Hotline opens it: built off the start from the demo's articles. */
class KnowledgeServiceTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private static final Instant AT = Instant.parse("2026-12-07T09:15:02.120Z");

    @Test
    void shouldBuildFromTheArticlesTableInTheBackgroundAndReportItsSizeInHealth() {
        // given the demo's articles
        int articles = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM kb_article")
                .mapTo(Integer.class).one());

        // when
        try (KnowledgeService knowledge = KnowledgeService.start(DB.jdbi(), InstantSource.fixed(AT))) {

            // then it becomes ready with every article, and health says how many and how long it took
            await().atMost(Duration.ofSeconds(30)).until(knowledge::isReady);
            assertThat(articles).isPositive();
            assertThat(knowledge.size()).isEqualTo(articles);
            ComponentHealth health = knowledge.check();
            assertThat(health.status()).isEqualTo(ComponentHealth.Status.UP);
            assertThat(health.detail()).startsWith(articles + " articles, index built in ");
            assertThat(health.details()).containsEntry("articles", articles).containsKey("buildMillis");
            assertThat(knowledge.component()).isEqualTo("knowledge");
            assertThat(knowledge.critical()).isFalse();
        }
    }

    @Test
    void shouldTurnAResolvedWorkOrdersSolutionIntoAnArticleSearchableAtOnce() {
        // given a work order the desk resolved, its row not yet brought up to date by the journal
        long id = DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO work_order (severity, state, tier,"
                + " created_at, updated_at, response_due_at, resolution_due_at) VALUES ('P2', 'IN_PROGRESS', 'TIER1',"
                + " :at, :at, :at, :at)").bind("at", AT).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        SlaClockState stopped = new SlaClockState(Duration.ofMinutes(7), null, true, Set.of(), null);
        StoredWorkOrder resolved = new StoredWorkOrder(id, Origin.EMAIL, null,
                new CustomerProblem(null, null, null, "ERP_U8"), "月结凭证无法过账", Severity.P2,
                WorkOrderState.RESOLVED, Tier.TIER1, "S101", new WorkOrderTimes(AT, null, AT, AT, null), stopped,
                stopped, 1, 0, 4, new WorkOrderDetails("posting", null, "解锁被批处理锁定的凭证后重新过账 zebracorn", null));

        try (KnowledgeService knowledge = KnowledgeService.start(DB.jdbi(), InstantSource.fixed(AT))) {
            await().atMost(Duration.ofSeconds(30)).until(knowledge::isReady);
            int before = knowledge.size();

            // when the seat turns the solution into an article
            Article article = knowledge.publishFromWorkOrder(resolved, new ArticleDraft("月结凭证无法过账",
                    "过账时提示凭证被锁定", resolved.details().resolution(), null, "S101"));

            // then kb_article has it and the very next search finds it
            Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT body,"
                    + " source_work_order_id FROM kb_article WHERE code = :code").bind("code", article.code())
                    .mapToMap().one());
            assertThat(row).containsEntry("body", "解锁被批处理锁定的凭证后重新过账 zebracorn")
                    .containsEntry("source_work_order_id", id);
            assertThat(article.productLine()).isEqualTo("ERP_U8");
            assertThat(knowledge.size()).isEqualTo(before + 1);
            assertThat(knowledge.search("zebracorn", Optional.empty(), 5)).extracting(hit -> hit.article().code())
                    .containsExactly(article.code());
            // and an open one is refused
            StoredWorkOrder open = resolved.withDetails(WorkOrderDetails.NONE);
            assertThatThrownBy(() -> knowledge.publishFromWorkOrder(new StoredWorkOrder(id, Origin.EMAIL, null,
                    open.problem(), null, Severity.P2, WorkOrderState.IN_PROGRESS, Tier.TIER1, "S101", open.times(),
                    stopped, stopped, 1, 0, 4), new ArticleDraft("t", "", "s", null, "S101")))
                    .isInstanceOf(ArticleRefusedException.class);
        }
    }

    @Test
    void shouldFindNothingRefuseToPublishAndReportDownWhenItCannotBeBuilt() {
        // given a database nobody answers at (a closed loopback port)
        Jdbi nowhere = Jdbi.create("jdbc:mysql://127.0.0.1:1/hotline?connectTimeout=2000", "root", "");

        try (KnowledgeService knowledge = KnowledgeService.start(nowhere, InstantSource.fixed(AT))) {
            // then it says why, finds nothing, and refuses to publish; Hotline runs on without it
            await().atMost(Duration.ofSeconds(30)).until(() -> knowledge.check().status()
                    == ComponentHealth.Status.DOWN);
            assertThat(knowledge.check().detail()).startsWith("could not be built from kb_article");
            assertThat(knowledge.isReady()).isFalse();
            assertThat(knowledge.search("凭证", Optional.empty(), 5)).isEmpty();
            assertThat(knowledge.article("KB-0001")).isEmpty();
            assertThatThrownBy(() -> knowledge.publish(new ArticleDraft("t", "", "s", null, "S101")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("still being built");
        }
    }
}
