package io.hotline.persistence.dao;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Rows the DAO tests need as parents (skills, customers, work orders, branches). */
final class Fixtures {
    /** An instant with a millisecond part, which the driver would drop if instants bypassed UtcInstants. */
    static final Instant T0 = Instant.parse("2026-11-22T03:04:05.678Z");

    private Fixtures() {
    }

    static long skill(Jdbi jdbi, String code, SkillKind kind, Long parentId) {
        return jdbi.onDemand(SkillDao.class).insert(new SkillRow(0, code, code + " name", kind, parentId));
    }

    static long customer(Jdbi jdbi, String code) {
        return jdbi.onDemand(CustomerDao.class).insert(new CustomerRow(0, code, "Customer " + code, "EAST",
                "1 Site Road", 31.230416, 121.473701, ContractLevel.STANDARD, false, T0));
    }

    /** A work order outside any call, inserted directly: the store under test elsewhere is not needed here. */
    static long workOrder(Jdbi jdbi, Long customerId, WorkOrderState state, Instant createdAt) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO work_order (customer_id, severity, state,"
                        + " tier, created_at, updated_at, response_due_at, resolution_due_at) VALUES (:customerId,"
                        + " :severity, :state, :tier, :at, :at, :responseDue, :resolutionDue)")
                .bind("customerId", customerId)
                .bind("severity", Severity.P2)
                .bind("state", state)
                .bind("tier", Tier.TIER1)
                .bind("at", createdAt)
                .bind("responseDue", createdAt.plus(Duration.ofHours(4)))
                .bind("resolutionDue", createdAt.plus(Duration.ofHours(24)))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static BranchRow branchRow(String code, String timeZone) {
        return new BranchRow(0, code, "Branch " + code, "Shanghai", "Shanghai", "2 Branch Street", 31.2,
                121.5, timeZone, "Default Manager", "+86 21 5555 0000", true);
    }

    static long branch(Jdbi jdbi, String code) {
        return jdbi.onDemand(BranchDao.class).insert(branchRow(code, "Asia/Shanghai"));
    }

    static long engineer(Jdbi jdbi, long branchId, String code, String mobile) {
        return jdbi.onDemand(FieldEngineerDao.class)
                .insert(new FieldEngineerRow(0, code, branchId, "Engineer " + code, mobile, true));
    }
}
