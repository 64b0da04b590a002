package io.hotline.persistence.knowledge;

import static io.hotline.persistence.knowledge.KnowledgeArticles.T0;
import static io.hotline.persistence.knowledge.KnowledgeArticles.count;
import static io.hotline.persistence.knowledge.KnowledgeArticles.productLine;
import static io.hotline.persistence.knowledge.KnowledgeArticles.workOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An article from a work order as the service desk holds it: judged by the desk's stored form, not by the row the
 * journal brings up to date a moment later.
 */
class KnowledgeFromDeskTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static LuceneKnowledgeBase knowledgeBase;

    @BeforeAll
    static void open() {
        productLine(DB.jdbi(), "SMB_T3");
        knowledgeBase = LuceneKnowledgeBase.open(DB.jdbi(), InstantSource.fixed(T0));
    }

    @AfterAll
    static void close() {
        knowledgeBase.close();
    }

    @Test
    void shouldPublishFromAWorkOrderTheDeskResolvedBeforeItsRowSaysSo() {
        // given a row the journal has not brought up to date yet, and the desk's resolved form of it
        long id = workOrder(DB.jdbi(), "SMB_T3", "IN_PROGRESS", "T3 月结凭证无法过账");
        StoredWorkOrder resolved = stored(id, WorkOrderState.RESOLVED);
        ArticleDraft draft = new ArticleDraft("T3 月结凭证无法过账", "过账时提示凭证已锁定",
                resolved.details().resolution(), null, "S101");

        // when
        Article article = knowledgeBase.publishFromWorkOrder(resolved, draft);

        // then it is stored with its source and the work order's product line, and searchable at once
        assertThat(article.sourceWorkOrderId()).isEqualTo(id);
        assertThat(article.productLine()).isEqualTo("SMB_T3");
        assertThat(article.solution()).isEqualTo("解除批处理对凭证的锁定后重新过账。");
        assertThat(knowledgeBase.search("过账", Optional.empty(), 5)).extracting(hit -> hit.article().code())
                .containsExactly(article.code());
        assertThat(knowledgeBase.article(article.code())).contains(article);
    }

    @Test
    void shouldRefuseAWorkOrderTheDeskHasNotResolved() {
        // given
        long id = workOrder(DB.jdbi(), "SMB_T3", "RESOLVED", "T3 打印机");
        int before = count(DB.jdbi());
        ArticleDraft draft = new ArticleDraft("T3 打印机", "", "重新选择打印机。", null, "S101");

        // when the desk has reopened it, then it is refused and nothing is stored
        assertThatThrownBy(() -> knowledgeBase.publishFromWorkOrder(stored(id, WorkOrderState.IN_PROGRESS), draft))
                .isInstanceOf(ArticleRefusedException.class).hasMessageContaining("IN_PROGRESS");
        assertThat(count(DB.jdbi())).isEqualTo(before);
    }

    private static StoredWorkOrder stored(long id, WorkOrderState state) {
        SlaClockState stopped = new SlaClockState(Duration.ofMinutes(5), null, true, Set.of(), null);
        return new StoredWorkOrder(id, Origin.EMAIL, null, new CustomerProblem(null, null, null, "SMB_T3"), null,
                Severity.P2, state, Tier.TIER1, "S101", new WorkOrderTimes(T0, null, T0, T0, null), stopped,
                stopped, 1, 0, 3, new WorkOrderDetails("posting", null, "解除批处理对凭证的锁定后重新过账。", null));
    }
}
