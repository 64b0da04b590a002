package io.hotline.persistence.knowledge;

import static io.hotline.persistence.knowledge.KnowledgeArticles.T0;
import static io.hotline.persistence.knowledge.KnowledgeArticles.article;
import static io.hotline.persistence.knowledge.KnowledgeArticles.count;
import static io.hotline.persistence.knowledge.KnowledgeArticles.productLine;
import static io.hotline.persistence.knowledge.KnowledgeArticles.workOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.knowledge.ArticleRefusedException;
import io.hotline.routing.knowledge.KnowledgeHit;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgePublishingTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final List<String> QUERIES = List.of("打印机", "凭证", "月末结账失败怎么办", "backups",
            "disk full", "登录 login", "nightly");

    private static LuceneKnowledgeBase knowledgeBase;
    private static long resolved;
    private static long inProgress;
    private static long closed;

    @BeforeAll
    static void givenProductLinesWorkOrdersAndASeededArticle() {
        productLine(DB.jdbi(), "SMB_T3");
        productLine(DB.jdbi(), "ERP_U8");
        resolved = workOrder(DB.jdbi(), "SMB_T3", "RESOLVED", "T3 打印凭证时打印机无响应");
        inProgress = workOrder(DB.jdbi(), "SMB_T3", "IN_PROGRESS", "T3 登录很慢");
        closed = workOrder(DB.jdbi(), "ERP_U8", "CLOSED", "U8 backup fails");
        article(DB.jdbi(), "KB-0020", "ERP_U8", "U8 月末结账失败", "结账时提示存在未记账凭证", "先记账所有凭证。");
        knowledgeBase = LuceneKnowledgeBase.open(DB.jdbi(), InstantSource.fixed(T0));
    }

    @AfterAll
    static void closeKnowledgeBase() {
        knowledgeBase.close();
    }

    @Test
    @Order(1)
    void shouldTurnAResolvedWorkOrderIntoAnArticleSearchableAtOnce() {
        // given a seat's write-up of a resolved work order, without a product line
        ArticleDraft draft = new ArticleDraft("T3 打印凭证无响应", "打印凭证时打印机没有任何反应",
                "在打印设置中重新选择默认打印机，并把纸张设为凭证纸。", null, "S-LI");

        // when
        Article article = knowledgeBase.publishFromWorkOrder(resolved, draft);

        // then it is numbered after the highest code, takes the work order's product line, records its source
        assertThat(article.code()).isEqualTo("KB-0021");
        assertThat(article.productLine()).isEqualTo("SMB_T3");
        assertThat(article.sourceWorkOrderId()).isEqualTo(resolved);
        assertThat(article.createdAt()).isEqualTo(T0).isEqualTo(article.updatedAt());
        // the database has it, with its provenance
        Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT symptoms, body, source_work_order_id FROM kb_article WHERE code = 'KB-0021'").mapToMap().one());
        assertThat(row).containsEntry("symptoms", "打印凭证时打印机没有任何反应")
                .containsEntry("source_work_order_id", resolved);
        // and the very next search finds it
        List<KnowledgeHit> hits = knowledgeBase.search("打印机", Optional.of("SMB_T3"), 5);
        assertThat(hits).extracting(hit -> hit.article().code()).containsExactly("KB-0021");
        assertThat(hits.get(0).article()).isEqualTo(article);
        assertThat(hits.get(0).fragments()).contains("打印凭证时<mark>打印机</mark>没有任何反应");
    }

    @Test
    @Order(2)
    void shouldPublishFromAClosedWorkOrderAndWithoutOne() {
        Article fromClosed = knowledgeBase.publishFromWorkOrder(closed, new ArticleDraft("U8 backup fails: disk full",
                "The nightly backup stops with disk full.", "Move old backup sets to external storage.", null,
                "S-WANG"));
        Article general = knowledgeBase.publish(new ArticleDraft("Login is slow on every product",
                "登录要等一分钟", "Check the DNS server of the client PC; login waits for its time-out.", null,
                "S-ZHAO"));

        assertThat(fromClosed.code()).isEqualTo("KB-0022");
        assertThat(fromClosed.productLine()).isEqualTo("ERP_U8");
        assertThat(general.code()).isEqualTo("KB-0023");
        assertThat(general.productLine()).isNull();
        assertThat(general.sourceWorkOrderId()).isNull();
        assertThat(knowledgeBase.search("backups", Optional.empty(), 5)).extracting(hit -> hit.article().code())
                .containsExactly("KB-0022");
    }

    @Test
    @Order(3)
    void shouldRefuseAWorkOrderThatIsNotResolvedOrDoesNotExistAndAnUnknownProductLine() {
        ArticleDraft draft = new ArticleDraft("T3 登录很慢", "", "重启服务。", null, "S-LI");
        int before = count(DB.jdbi());

        assertThatThrownBy(() -> knowledgeBase.publishFromWorkOrder(inProgress, draft))
                .isInstanceOf(ArticleRefusedException.class).hasMessageContaining("IN_PROGRESS")
                .hasMessageContaining("work order " + inProgress);
        assertThatThrownBy(() -> knowledgeBase.publishFromWorkOrder(987_654_321L, draft))
                .isInstanceOf(ArticleRefusedException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> knowledgeBase.publish(new ArticleDraft("T3 登录很慢", "", "重启服务。", "NO_SUCH",
                "S-LI"))).isInstanceOf(ArticleRefusedException.class).hasMessageContaining("NO_SUCH");

        // nothing was stored or indexed
        assertThat(count(DB.jdbi())).isEqualTo(before);
        assertThat(knowledgeBase.search("很慢", Optional.empty(), 5)).isEmpty();
        assertThat(knowledgeBase.size()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void shouldNumberPastACodeWrittenBehindItsBack() {
        // given an article written by SQL with the code the knowledge base would give next
        article(DB.jdbi(), "KB-0024", null, "Written by hand", "", "Straight into the table.");

        // when
        Article next = knowledgeBase.publish(new ArticleDraft("Printer offline", "", "Power-cycle the printer.",
                "SMB_T3", "S-LI"));

        // then it takes the next free code; the hand-written one is searchable after a rebuild
        assertThat(next.code()).isEqualTo("KB-0025");
        assertThat(knowledgeBase.search("hand", Optional.empty(), 5)).isEmpty();
        assertThat(knowledgeBase.rebuild()).isEqualTo(count(DB.jdbi()));
        assertThat(knowledgeBase.search("hand", Optional.empty(), 5)).extracting(hit -> hit.article().code())
                .containsExactly("KB-0024");
    }

    @Test
    @Order(4)
    void shouldRebuildAfterARestartTheIndexItKeptInStep() {
        // given the knowledge base that indexed the database at start and published three articles since
        // when Hotline restarts and builds its index from the database
        try (LuceneKnowledgeBase restarted = LuceneKnowledgeBase.open(DB.jdbi(), InstantSource.fixed(T0))) {
            // then it holds the same articles and answers every query alike, scores and highlights included
            assertThat(restarted.size()).isEqualTo(knowledgeBase.size()).isEqualTo(count(DB.jdbi()));
            for (String query : QUERIES) {
                assertThat(restarted.search(query, Optional.empty(), 20)).as(query)
                        .isNotEmpty()
                        .isEqualTo(knowledgeBase.search(query, Optional.empty(), 20));
            }
            assertThat(restarted.article("KB-0021")).isEqualTo(knowledgeBase.article("KB-0021"));
        }
    }

    @Test
    @Order(6)
    void shouldGiveConcurrentPublishersDistinctCodesAndIndexEveryArticle() throws Exception {
        // given four seats publishing at once
        int before = knowledgeBase.size();
        ExecutorService seats = Executors.newFixedThreadPool(4);
        try {
            List<Future<Article>> published = new ArrayList<>();
            for (int index = 0; index < 20; index++) {
                String word = "zeta" + (char) ('a' + index);
                published.add(seats.submit(() -> knowledgeBase.publish(
                        new ArticleDraft("Concurrent " + word, "", "Solution " + word, null, "S-LI"))));
            }

            // when all are done
            Set<String> codes = new HashSet<>();
            for (Future<Article> article : published) {
                codes.add(article.get(30, TimeUnit.SECONDS).code());
            }

            // then each got its own code, and each is stored and searchable
            assertThat(codes).hasSize(20);
            assertThat(knowledgeBase.size()).isEqualTo(before + 20).isEqualTo(count(DB.jdbi()));
            assertThat(knowledgeBase.search("concurrent", Optional.empty(), 50)).hasSize(20);
            assertThat(knowledgeBase.search("zetaq", Optional.empty(), 5)).hasSize(1);
        } finally {
            seats.shutdownNow();
        }
    }
}
