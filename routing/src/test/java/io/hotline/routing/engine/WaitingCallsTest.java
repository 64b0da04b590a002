package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The waiting index against the obvious answers computed from a plain list: queue order, counts, the oldest call,
 * and the first eligible call for a seat, through random arrivals, offers, returns and escalations.
 */
class WaitingCallsTest {
    private static final QueueConfig SUPPORT = RoutingConfig.defaults().queues().get(RoutingConfig.SUPPORT);
    private static final QueueConfig TIER2 = RoutingConfig.defaults().queues().get("tier2");
    private static final QueueConfig ODD = new QueueConfig("odd", List.of(
            new RoutingStep("experts-first", List.of(Tier.EXPERT), 4, Duration.ofSeconds(20)),
            new RoutingStep("tier1-only", List.of(Tier.TIER1), 0, Duration.ofSeconds(40)),
            new RoutingStep("anyone", List.of(Tier.TIER2, Tier.TIER1, Tier.EXPERT), 1, null)),
            Duration.ofSeconds(20));
    private static final QueueConfig[] QUEUES = {SUPPORT, TIER2, ODD};
    private static final int SKILLS = 6;

    @Test
    void shouldAnswerAsAPlainListDoesThroughRandomTraffic() {
        for (long seed = 1; seed <= 8; seed++) {
            // given a random sequence of arrivals, offers, calls coming back and escalations
            Random random = new Random(seed);
            // skills of random rarity, so calls are filed under skills other than their primary one too
            SkillCatalog catalog = new SkillCatalog();
            for (int skill = 0; skill < SKILLS; skill++) {
                catalog.countHolders(new int[] {skill}, 1 + random.nextInt(5));
            }
            WaitingCalls index = new WaitingCalls(catalog);
            List<CallRecord> waiting = new ArrayList<>();
            List<CallRecord> away = new ArrayList<>();
            long now = 1_000_000;
            long sequence = 0;

            for (int step = 0; step < 1_500; step++) {
                // when the traffic goes on
                now += random.nextInt(3_000);
                int roll = random.nextInt(100);
                if (roll < 45 || waiting.isEmpty()) {
                    CallRecord call = newCall(random, sequence++, now);
                    index.add(call);
                    waiting.add(call);
                } else if (roll < 75) {
                    CallRecord call = waiting.remove(random.nextInt(waiting.size()));
                    index.remove(call);
                    away.add(call);
                } else if (roll < 90 && !away.isEmpty()) {
                    // declined or withdrawn: back in its queue with its old place
                    CallRecord call = away.remove(random.nextInt(away.size()));
                    index.add(call);
                    waiting.add(call);
                } else if (!away.isEmpty()) {
                    CallRecord call = away.remove(random.nextInt(away.size()));
                    call.queue = QUEUES[random.nextInt(QUEUES.length)];
                    call.queuedMs = now;
                    call.escalated = true;
                    call.ownerSeatId = null;
                    index.add(call);
                    waiting.add(call);
                }

                // then every answer is the plain list's
                assertSameAnswers(index, catalog, waiting, random, now);
            }
        }
    }

    private static void assertSameAnswers(WaitingCalls index, SkillCatalog catalog, List<CallRecord> waiting,
                                          Random random, long now) {
        for (QueueConfig queue : QUEUES) {
            List<CallRecord> expected = waiting.stream().filter(call -> call.queue == queue)
                    .sorted(CallRecord.QUEUE_ORDER).toList();
            List<CallRecord> actual = new ArrayList<>();
            index.inQueue(queue.name()).forEach(actual::add);
            assertThat(actual).isEqualTo(expected);
            assertThat(index.waitingIn(queue.name())).isEqualTo(expected.size());
            assertThat(index.oldestIn(queue.name())).isEqualTo(expected.stream().min(CallRecord.AGE_ORDER)
                    .orElse(null));
        }
        assertThat(index.size()).isEqualTo(waiting.size());
        for (CallRecord call : waiting) {
            // filed under its rarest required skill: any seat that may take it has that skill
            assertThat(call.filingSkill).isEqualTo(call.hasRequirements() ? rarest(call, catalog) : -1);
        }
        for (int seat = 0; seat < 3; seat++) {
            Tier tier = Tier.values()[random.nextInt(3)];
            int[] skills = random.ints(0, SKILLS).distinct().limit(1 + random.nextInt(3)).sorted().toArray();
            byte[] levels = new byte[SKILLS];
            for (int skill : skills) {
                levels[skill] = (byte) (1 + random.nextInt(5));
            }
            String seatId = "s" + random.nextInt(3);
            Predicate<CallRecord> eligible = call -> eligible(call, tier, levels, seatId, now);
            // a seat sees the calls filed under one of its skills (a sticky call's owner finds it elsewhere)
            CallRecord expected = waiting.stream()
                    .filter(call -> !call.hasRequirements() || contains(skills, call.filingSkill))
                    .filter(eligible).min(CallRecord.QUEUE_ORDER).orElse(null);
            assertThat(index.firstEligible(skills, tier, now, eligible)).isEqualTo(expected);
            assertThat(index.firstEligible(skills, eligible)).isEqualTo(expected);
        }
    }

    /** Matchmaker's rule: a sticky call goes to its owner alone; otherwise tier in the step, levels met. */
    private static boolean eligible(CallRecord call, Tier tier, byte[] levels, String seatId, long now) {
        if (call.ownerSeatId != null && now < call.stickyUntilMs) {
            return seatId.equals(call.ownerSeatId);
        }
        RoutingStep step = call.step(now);
        if (!step.tiers().contains(tier)) {
            return false;
        }
        for (int i = 0; i < call.requiredSkills.length; i++) {
            int skill = call.requiredSkills[i];
            if (levels[skill] < step.effectiveMinimum(call.requiredLevels[i])) {
                return false;
            }
        }
        return true;
    }

    private static CallRecord newCall(Random random, long sequence, long now) {
        CallRecord call = new CallRecord("c" + sequence, sequence);
        call.queue = QUEUES[random.nextInt(QUEUES.length)];
        int needs = random.nextInt(4);
        call.requiredSkills = random.ints(0, SKILLS).distinct().limit(needs).toArray();
        call.requiredLevels = new byte[needs];
        for (int i = 0; i < needs; i++) {
            call.requiredLevels[i] = (byte) (1 + random.nextInt(3));
        }
        call.priorityPoints = random.nextInt(4);
        call.firstJoinedMs = now;
        call.queuedMs = now;
        call.rankMs = now - call.priorityPoints * 60_000L;
        if (random.nextInt(5) == 0) {
            call.ownerSeatId = "s" + random.nextInt(3);
            call.stickyUntilMs = now + 20_000;
        }
        return call;
    }

    private static int rarest(CallRecord call, SkillCatalog catalog) {
        int rarest = call.requiredSkills[0];
        for (int skill : call.requiredSkills) {
            if (catalog.holders(skill) < catalog.holders(rarest)) {
                rarest = skill;
            }
        }
        return rarest;
    }

    private static boolean contains(int[] values, int value) {
        for (int candidate : values) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldReadALongLaneInQueueOrderThroughDeparturesAndReturns() {
        // given one lane (one skill, queue and head start) that grows to hundreds of calls, loses calls anywhere
        // and takes declined calls back at their old places (walked to from the head)
        Random random = new Random(20261205L);
        WaitingCalls index = new WaitingCalls(new SkillCatalog());
        List<CallRecord> waiting = new ArrayList<>();
        List<CallRecord> away = new ArrayList<>();
        long now = 1_000_000;
        for (int step = 0; step < 4_000; step++) {
            now += 1_000;
            int roll = random.nextInt(100);
            if (roll < 50 || waiting.isEmpty()) {
                CallRecord call = new CallRecord("c" + step, step);
                call.queue = SUPPORT;
                call.requiredSkills = new int[] {0};
                call.requiredLevels = new byte[] {1};
                call.queuedMs = now;
                call.firstJoinedMs = now;
                call.rankMs = now;
                index.add(call);
                waiting.add(call);
            } else if (roll < 85) {
                // taken from the head, the tail or anywhere between
                int at = roll < 60 ? 0 : roll < 65 ? waiting.size() - 1 : random.nextInt(waiting.size());
                waiting.sort(CallRecord.QUEUE_ORDER);
                CallRecord call = waiting.remove(at);
                index.remove(call);
                away.add(call);
            } else if (!away.isEmpty()) {
                CallRecord call = away.remove(random.nextInt(away.size()));
                index.add(call);
                waiting.add(call);
            }

            // then a seat that takes only some calls finds the first of them in queue order
            int modulus = 1 + random.nextInt(40);
            int remainder = random.nextInt(modulus);
            Predicate<CallRecord> some = call -> call.sequence % modulus == remainder;
            CallRecord expected = waiting.stream().filter(some).min(CallRecord.QUEUE_ORDER).orElse(null);
            assertThat(index.firstEligible(new int[] {0}, Tier.TIER1, now, some)).isEqualTo(expected);
            assertThat(index.firstEligible(new int[] {0}, some)).isEqualTo(expected);
            assertThat(index.size()).isEqualTo(waiting.size());
        }
    }

    @Test
    void shouldKeepQueueOrderAcrossLanesOfEveryOffset() {
        // given calls of one skill and queue with every head start, arriving a minute apart
        WaitingCalls index = new WaitingCalls(new SkillCatalog());
        List<CallRecord> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CallRecord call = new CallRecord("c" + i, i);
            call.queue = SUPPORT;
            call.requiredSkills = new int[] {0};
            call.requiredLevels = new byte[] {1};
            call.queuedMs = 60_000L * i;
            call.firstJoinedMs = call.queuedMs;
            call.rankMs = call.queuedMs - 60_000L * (i % 7);
            index.add(call);
            all.add(call);
        }

        // when the queue is read
        List<CallRecord> order = new ArrayList<>();
        index.inQueue(SUPPORT.name()).forEach(order::add);

        // then it is queue order, whatever lane each call sits in
        assertThat(order).isEqualTo(all.stream().sorted(CallRecord.QUEUE_ORDER).toList());
        assertThat(order).isSortedAccordingTo(Comparator.comparingLong((CallRecord call) -> call.rankMs));
    }
}
