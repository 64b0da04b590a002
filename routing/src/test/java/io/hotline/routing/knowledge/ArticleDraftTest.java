package io.hotline.routing.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.workorder.WorkOrderState;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ArticleDraftTest {

    @Test
    void shouldAcceptADraftWithEmptySymptomsAndNoProductLine() {
        ArticleDraft draft = new ArticleDraft("T3 登录失败", "", "重新导入许可证文件。", null, "S-LI");

        assertThat(draft.productLine()).isNull();
    }

    @Test
    void shouldRefuseWhatCouldNotBeStored() {
        assertThatThrownBy(() -> new ArticleDraft(" ", "", "solution", null, "S-LI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> new ArticleDraft("title", "", "", null, "S-LI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solution");
        assertThatThrownBy(() -> new ArticleDraft("t".repeat(ArticleDraft.MAX_TITLE + 1), "", "s", null, "S-LI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400");
        assertThatThrownBy(() -> new ArticleDraft("title", "s".repeat(ArticleDraft.MAX_TEXT + 1), "s", null, "S-LI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symptoms");
        assertThatThrownBy(() -> new ArticleDraft("title", "", "solution", "  ", "S-LI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productLine");
        assertThatThrownBy(() -> new ArticleDraft("title", "", "solution", null, "a".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author");
    }

    @Test
    void shouldLetOnlyResolvedOrClosedWorkOrdersBecomeArticles() {
        EnumSet<WorkOrderState> open = EnumSet.complementOf(EnumSet.of(WorkOrderState.RESOLVED,
                WorkOrderState.CLOSED));

        assertThatCode(() -> ArticleSources.requireResolved(7, WorkOrderState.RESOLVED)).doesNotThrowAnyException();
        assertThatCode(() -> ArticleSources.requireResolved(7, WorkOrderState.CLOSED)).doesNotThrowAnyException();
        for (WorkOrderState state : open) {
            assertThat(ArticleSources.mayBecomeArticle(state)).as(state.name()).isFalse();
            assertThatThrownBy(() -> ArticleSources.requireResolved(7, state))
                    .isInstanceOf(ArticleRefusedException.class).hasMessageContaining("work order 7 is " + state);
        }
    }
}
