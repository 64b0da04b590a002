package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A seat's live state. Mutable, confined to the routing thread. Fields that order seats in the ready index
 * ({@link #readySinceMs}, {@link #callsToday}) change only while the seat is out of the index.
 */
final class SeatRecord {
    /** Longest idle first, then fewer calls today, then the seat configured first. */
    static final Comparator<SeatRecord> IDLE_ORDER = (a, b) -> {
        // Spelled out rather than composed: the ready index compares on every insert and removal.
        if (a.readySinceMs != b.readySinceMs) {
            return a.readySinceMs < b.readySinceMs ? -1 : 1;
        }
        return a.callsToday != b.callsToday ? Integer.compare(a.callsToday, b.callsToday)
                : Integer.compare(a.index, b.index);
    };

    final int index;
    final String id;
    SeatProfile profile;
    Tier tier;
    /** Skill ids this seat has, and the proficiency per skill id (0 = none). */
    int[] skillIds = new int[0];
    byte[] levels = new byte[0];

    SeatState state = SeatState.LOGGED_OUT;
    String reason;
    String pendingNotReady;
    DeviceState device = DeviceState.UNKNOWN;
    long readySinceMs;
    int callsToday;
    int missedInARow;
    long coolUntilMs;
    CallRecord call;
    boolean indexed;
    /** In the ready index's buckets ({@link #indexed} seats may wait to be filed). Owned by ReadySeats. */
    boolean filed;
    /** In the ready index's list of seats to file. Owned by ReadySeats. */
    boolean awaitingFiling;
    /** Bumped to invalidate pending cool-down and wrap-up timers. */
    long timerGeneration;

    SeatRecord(int index, String id) {
        this.index = index;
        this.id = id;
    }

    void configure(SeatProfile newProfile, SkillCatalog catalog) {
        profile = newProfile;
        tier = newProfile.tier();
        catalog.countHolders(skillIds, -1);
        skillIds = new int[newProfile.skills().size()];
        int i = 0;
        int max = 0;
        for (String code : newProfile.skills().keySet()) {
            skillIds[i] = catalog.idOf(code);
            max = Math.max(max, skillIds[i] + 1);
            i++;
        }
        Arrays.sort(skillIds);
        catalog.countHolders(skillIds, 1);
        levels = new byte[max];
        newProfile.skills().forEach((code, level) -> levels[catalog.idOf(code)] = level.byteValue());
    }

    /** Proficiency in skill {@code skillId}, 0 when the seat does not have it. */
    int level(int skillId) {
        return skillId >= 0 && skillId < levels.length ? levels[skillId] : 0;
    }

    /** Whether a call may be offered now: ready, phone able to ring, not cooling down. */
    boolean offerable(long nowMs) {
        return state == SeatState.READY && call == null && device.canTakeCall() && nowMs >= coolUntilMs;
    }
}
