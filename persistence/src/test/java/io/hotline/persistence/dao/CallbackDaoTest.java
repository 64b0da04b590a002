package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallbackDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldClaimADueCallbackOnceAndRetryItLater() {
        // given a callback due five minutes after the request
        CallbackDao callbacks = DB.jdbi().onDemand(CallbackDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.NEW, T0);
        long id = callbacks.request(workOrder, "+86 138 0000 0001", T0, T0.plusSeconds(300));

        // when the dialler finds it due and two dialler instances claim it
        assertThat(callbacks.listDue(T0.plusSeconds(299), 10)).extracting(CallbackRow::id).doesNotContain(id);
        assertThat(callbacks.listDue(T0.plusSeconds(300), 10)).extracting(CallbackRow::id).contains(id);
        boolean first = callbacks.markDialling(id);
        boolean second = callbacks.markDialling(id);

        // then one wins; a retry makes it due again later, and the second attempt connects
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(callbacks.markRetry(id, T0.plusSeconds(900))).isTrue();
        assertThat(callbacks.listDue(T0.plusSeconds(600), 10)).extracting(CallbackRow::id).doesNotContain(id);
        assertThat(callbacks.markDialling(id)).isTrue();
        assertThat(callbacks.markConnected(id, T0.plusSeconds(905))).isTrue();
        assertThat(callbacks.markCancelled(id, T0.plusSeconds(906))).isFalse();
        CallbackRow callback = callbacks.find(id).orElseThrow();
        assertThat(callback.state()).isEqualTo(CallbackState.CONNECTED);
        assertThat(callback.attempts()).isEqualTo(2);
        assertThat(callback.phoneNumber()).isEqualTo("+8613800000001");
        assertThat(callback.requestedAt()).isEqualTo(T0);
        assertThat(callback.completedAt()).isEqualTo(T0.plusSeconds(905));
    }

    @Test
    void shouldRefuseACallbackToAnAnonymousCaller() {
        CallbackDao callbacks = DB.jdbi().onDemand(CallbackDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.NEW, T0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> callbacks.request(workOrder, "anonymous", T0, T0.plusSeconds(300)));
    }

    @Test
    void shouldGiveUpOnAPendingCallback() {
        CallbackDao callbacks = DB.jdbi().onDemand(CallbackDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.NEW, T0);
        long id = callbacks.request(workOrder, "13800000002", T0, T0);

        assertThat(callbacks.markFailed(id, T0.plusSeconds(1))).isTrue();
        assertThat(callbacks.markDialling(id)).isFalse();
        assertThat(callbacks.find(id)).get().extracting(CallbackRow::state).isEqualTo(CallbackState.FAILED);
    }
}
