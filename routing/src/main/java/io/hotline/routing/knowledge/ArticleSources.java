package io.hotline.routing.knowledge;

import io.hotline.routing.workorder.WorkOrderState;
import java.util.Objects;

/**
 * Which work orders may become articles: those whose problem is solved, resolved or already closed. An open work
 * order has no solution yet, and a cancelled one never had a problem. Stateless.
 */
public final class ArticleSources {

    private ArticleSources() {
    }

    /** Whether a work order in {@code state} may become an article. */
    public static boolean mayBecomeArticle(WorkOrderState state) {
        Objects.requireNonNull(state, "state");
        return state == WorkOrderState.RESOLVED || state == WorkOrderState.CLOSED;
    }

    /**
     * Refuses, with the reason, a work order that may not become an article.
     *
     * @throws ArticleRefusedException when the work order in {@code state} is not resolved
     */
    public static void requireResolved(long workOrderId, WorkOrderState state) {
        if (!mayBecomeArticle(state)) {
            throw new ArticleRefusedException("work order " + workOrderId + " is " + state
                    + ": only a resolved or closed work order can become an article");
        }
    }
}
