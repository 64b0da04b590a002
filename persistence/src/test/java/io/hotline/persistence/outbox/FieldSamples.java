package io.hotline.persistence.outbox;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldDeadline;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.List;

/**
 * Stored forms of the field leg as tests write them: every field set (instants with milliseconds, coordinates and
 * distances that no decimal column keeps exactly, text the line format must escape), and every field that may be
 * absent left out.
 */
final class FieldSamples {
    static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");
    static final String AWKWARD = DeskSamples.AWKWARD;

    private FieldSamples() {
    }

    /** A dispatch on its second leg, completed and followed up, scored, every deadline fired. */
    static StoredDispatch full(long id, DispatchState state, Instant closedAt) {
        return new StoredDispatch(id, new Site("上海市浦东新区张江路 88 号\t2F", new GeoPoint(31.2304123456789,
                121.4737987654321), "Shanghai"), "ERP_U8", "+8613800138000", state, AT,
                List.of(new BranchChoice("BR-SHANGHAI", 3.141592653589793, 2),
                        new BranchChoice("BR-SUZHOU", 84.1000000001, 0)),
                List.of(new DispatchLeg(1, "BR-SHANGHAI", 3.141592653589793, AT.plusMillis(1), AT.plusMillis(600_001),
                                null, AT.plusMillis(600_001)),
                        new DispatchLeg(2, "BR-SUZHOU", 84.1000000001, AT.plusMillis(600_002),
                                AT.plusMillis(1_200_002), AT.plusMillis(700_003), null)),
                "FE-007", AT.plusMillis(15_100_003), AT.plusMillis(800_004), AT.plusMillis(9_000_005),
                AT.plusMillis(9_100_006), AT.plusMillis(12_000_007), AWKWARD,
                new FollowUp(AT.plusMillis(13_800_007), 1, 4, "fast \\- 很好", AT.plusMillis(14_000_008), "sup-1"),
                new FieldScore(90, 40, 20, 30), closedAt,
                FieldDeadline.ACKNOWLEDGE.bit() | FieldDeadline.FOLLOW_UP.bit(), 9);
    }

    /** A dispatch no branch could take: no place known, nothing optional. */
    static StoredDispatch bare(long id) {
        return new StoredDispatch(id, new Site("somewhere", null, null), null, null, DispatchState.UNPLACED,
                AT.plusMillis(1), List.of(), List.of(), null, null, null, null, null, null, null, null, null,
                null, 0, 1);
    }

    /** Step {@code sequence} of dispatch {@code id}, by {@code actor}. */
    static FieldStep step(long id, int sequence, Actor actor, String detail) {
        return new FieldStep(id, sequence, AT.plusMillis(sequence * 1_001L), actor, "STEP_" + sequence, detail);
    }

    /** An engineer's actor. */
    static Actor engineer(String code) {
        return new Actor(ActorKind.ENGINEER, code);
    }
}
