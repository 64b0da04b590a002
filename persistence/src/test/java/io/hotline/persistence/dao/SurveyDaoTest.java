package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.workorder.WorkOrderState;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SurveyDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldRecordASurveyResultOnce() {
        // given a supervisor call-back that is due
        SurveyDao surveys = DB.jdbi().onDemand(SurveyDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.RESOLVED, T0);
        long id = surveys.schedule(workOrder, null, SurveyChannel.SUPERVISOR_CALL, T0.plusSeconds(1_800));
        assertThat(surveys.listDue(T0.plusSeconds(1_799), 10)).extracting(SurveyRow::id).doesNotContain(id);
        assertThat(surveys.listDue(T0.plusSeconds(1_800), 10)).extracting(SurveyRow::id).contains(id);

        // when the result is recorded, then recorded again by a second supervisor
        SurveyResult result = new SurveyResult(SurveyOutcome.ANSWERED, 5, new BigDecimal("4.75"), "quick fix",
                "SUP-LI", T0.plusSeconds(2_000));
        boolean first = surveys.recordResult(id, result);
        boolean second = surveys.recordResult(id, new SurveyResult(SurveyOutcome.DECLINED, null, null, null,
                "SUP-MA", T0.plusSeconds(2_100)));

        // then only the first counts
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        SurveyRow survey = surveys.find(id).orElseThrow();
        assertThat(survey.outcome()).isEqualTo(SurveyOutcome.ANSWERED);
        assertThat(survey.score()).isEqualTo(5);
        assertThat(survey.autoScore()).isEqualByComparingTo("4.75");
        assertThat(survey.commentText()).isEqualTo("quick fix");
        assertThat(survey.surveyedBy()).isEqualTo("SUP-LI");
        assertThat(survey.recordedAt()).isEqualTo(T0.plusSeconds(2_000));
        assertThat(survey.attempts()).isEqualTo(1);
        assertThat(surveys.listDue(T0.plusSeconds(9_999), 10)).extracting(SurveyRow::id).doesNotContain(id);
    }

    @Test
    void shouldPostponeASurveyAfterAMissedAttempt() {
        SurveyDao surveys = DB.jdbi().onDemand(SurveyDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.RESOLVED, T0);
        long id = surveys.schedule(workOrder, null, SurveyChannel.IVR, T0);

        assertThat(surveys.recordMissedAttempt(id, T0.plus(Duration.ofHours(2)))).isTrue();

        SurveyRow survey = surveys.find(id).orElseThrow();
        assertThat(survey.attempts()).isEqualTo(1);
        assertThat(survey.outcome()).isEqualTo(SurveyOutcome.PENDING);
        assertThat(survey.dueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(surveys.listDue(T0.plusSeconds(60), 10)).extracting(SurveyRow::id).doesNotContain(id);
    }
}
