package io.hotline.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hotline.routing.engine.PriorityWeights;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.SeatOrdering;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.DialledNumbers;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingFileTest {

    /** The example file shipped with Hotline, relative to the ops module. */
    private static final Path EXAMPLE = Path.of("..", "docs", "routing.properties");

    /** A file defining one queue of two steps, to which error cases add or change a line. */
    private static final String ONE_QUEUE = String.join("\n",
            "queues = q",
            "queue.q.steps = first, last",
            "queue.q.step.first.tiers = TIER1",
            "queue.q.step.first.lasts = 30s",
            "queue.q.step.last.tiers = TIER1, TIER2",
            "");

    @TempDir
    Path directory;

    @Test
    void shouldUseTheBuiltInDefaultsWhenTheSettingIsUnset() {
        assertThat(Settings.of(Map.of()).routing()).isEqualTo(RoutingConfig.defaults());
    }

    @Test
    void shouldLoadTheExampleFileToExactlyTheDefaults() {
        assertThat(RoutingFile.load(EXAMPLE)).isEqualTo(RoutingConfig.defaults());
        assertThat(Settings.of(Map.of("HOTLINE_ROUTING_FILE", EXAMPLE.toString())).routing())
                .isEqualTo(RoutingConfig.defaults());
    }

    @Test
    void shouldFallBackToTheDefaultsForEveryKeyButTheBusinessHours() throws IOException {
        // given a file with nothing but a comment
        RoutingConfig loaded = RoutingFile.load(write("# nothing to change\n"));

        // then everything is the default, except that no tier has opening hours: all are always open
        assertThat(loaded).isEqualTo(RoutingConfig.defaults()
                .withHours(new BusinessHours(ZoneId.of("Asia/Shanghai"), Map.of(), Set.of())));
    }

    @Test
    void shouldLoadEveryKindOfKey() throws IOException {
        Path file = write(String.join("\n",
                "queues = sales, support",
                "default-queue = support",
                "queue.sales.steps = sales",
                "queue.sales.step.sales.tiers = tier2",
                "queue.sales.service-level = 45s",
                "queue.support.steps = best, anyone",
                "queue.support.step.best.tiers = TIER1",
                "queue.support.step.best.min-proficiency = 4",
                "queue.support.step.best.lasts = PT1M",
                "queue.support.step.anyone.tiers = TIER2, TIER1, EXPERT",
                "ordering = longest_idle",
                "ring-timeout = 20s",
                "max-missed-offers = 5",
                "decline-cooldown = 0s",
                "wrap-up = 0s",
                "sticky-for = 1m",
                "announce-every = 1m",
                "offer-callback-after = 5m",
                "assumed-handle-time = 6m",
                "priority.p1 = 10",
                "priority.p2 = 3",
                "priority.vip = 0",
                "priority.premium = 2",
                "priority.standard = 1",
                "priority.per-point = 30s",
                "hours.zone = UTC",
                "hours.TIER1 = MON-FRI 09:00-17:30",
                "hours.TIER2 = sat, sun 10:00-24:00",
                "hours.EXPERT = Always",
                "holidays = 2027-02-16, 2027-02-17",
                ""));

        RoutingConfig config = RoutingFile.load(file);

        assertThat(config.queues()).containsOnlyKeys("sales", "support");
        assertThat(config.defaultQueue()).isEqualTo("support");
        assertThat(config.queues().get("sales")).isEqualTo(new QueueConfig("sales",
                List.of(new RoutingStep("sales", List.of(Tier.TIER2), 0, null)), Duration.ofSeconds(45)));
        assertThat(config.queues().get("support")).isEqualTo(new QueueConfig("support", List.of(
                new RoutingStep("best", List.of(Tier.TIER1), 4, Duration.ofMinutes(1)),
                new RoutingStep("anyone", List.of(Tier.TIER2, Tier.TIER1, Tier.EXPERT), 0, null)),
                Duration.ofSeconds(20)));
        assertThat(config.ordering()).isEqualTo(SeatOrdering.LONGEST_IDLE);
        assertThat(config.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.maxMissedOffers()).isEqualTo(5);
        assertThat(config.declineCooldown()).isZero();
        assertThat(config.wrapUp()).isZero();
        assertThat(config.stickyFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.announceEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.offerCallbackAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.assumedHandleTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(config.weights()).isEqualTo(new PriorityWeights(10, 3, 0, 2, 1, Duration.ofSeconds(30)));
        assertThat(config.hours()).isEqualTo(new BusinessHours(ZoneId.of("UTC"), Map.of(
                Tier.TIER1, new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(9, 0), LocalTime.of(17, 30)),
                Tier.TIER2, new OpeningHours(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        LocalTime.of(10, 0), LocalTime.MAX)),
                Set.of(LocalDate.of(2027, 2, 16), LocalDate.of(2027, 2, 17))));
    }

    @Test
    void shouldMakeTheFirstListedQueueTheDefaultQueue() throws IOException {
        assertThat(RoutingFile.load(write(ONE_QUEUE)).defaultQueue()).isEqualTo("q");
    }

    @Test
    void shouldReadWrappingDayRangesAndSingleDigitHours() throws IOException {
        RoutingConfig config = RoutingFile.load(write("hours.TIER1 = FRI-MON,Wednesday 8:00-12:00\n"));

        assertThat(config.hours().schedule().get(Tier.TIER1)).isEqualTo(new OpeningHours(EnumSet.of(
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                LocalTime.of(8, 0), LocalTime.of(12, 0)));
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                // values of the wrong kind or out of range
                Arguments.of("ring-timeout = fast", "ring-timeout",
                        "ring-timeout='fast' is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of("announce-every = 0s", "announce-every",
                        "announce-every='0s' is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of("wrap-up = -5s", "wrap-up",
                        "wrap-up='-5s' is not a duration of zero or more (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of("max-missed-offers = 0", "max-missed-offers",
                        "max-missed-offers='0' is not a whole number from 1 to 100"),
                Arguments.of("priority.vip = lots", "priority.vip",
                        "priority.vip='lots' is not a whole number from 0 to 100"),
                Arguments.of("ordering = RANDOM", "ordering",
                        "ordering='RANDOM' is not a seat ordering (BEST_PROFICIENCY or LONGEST_IDLE)"),
                Arguments.of("hours.zone = Mars/Olympus", "hours.zone",
                        "hours.zone='Mars/Olympus' is not a time zone (e.g. Asia/Shanghai or UTC)"),
                Arguments.of("hours.TIER1 = weekdays", "hours.TIER1",
                        "hours.TIER1='weekdays' is not opening hours (expected days and a daily window, e.g. "
                                + "MON-SUN 08:00-19:00 or MON-FRI,SAT 09:00-17:30)"),
                Arguments.of("hours.TIER1 = MON-FRY 08:00-19:00", "hours.TIER1",
                        "hours.TIER1='MON-FRY 08:00-19:00' names no day of the week in 'FRY' (expected days and "
                                + "a daily window, e.g. MON-SUN 08:00-19:00 or MON-FRI,SAT 09:00-17:30)"),
                Arguments.of("hours.TIER1 = MON-SUN 08:00-25:00", "hours.TIER1",
                        "hours.TIER1='MON-SUN 08:00-25:00' has no time of day in '25:00' (00:00 to 23:59, or "
                                + "24:00 to close at midnight)"),
                Arguments.of("holidays = 2027-02-16, 2027-02-30", "holidays",
                        "holidays='2027-02-16, 2027-02-30' has '2027-02-30', which is not a date (YYYY-MM-DD)"),
                Arguments.of("queues = support,,tier2", "queues",
                        "queues='support,,tier2' has an empty entry (entries are separated by single commas)"),
                Arguments.of("queues = sup port", "queues",
                        "queues='sup port' has 'sup port', which is not a name (letters, digits, - and _)"),
                Arguments.of("default-queue = nowhere", "default-queue",
                        "default-queue='nowhere' is not one of the queues [expert, support, tier2]"),
                // values a routing record rejects, named by their key
                Arguments.of("hours.TIER2 = MON-SUN 19:00-08:00", "hours.TIER2",
                        "hours.TIER2='MON-SUN 19:00-08:00' is invalid: opening hours must close after they open: "
                                + "19:00-08:00"),
                Arguments.of(ONE_QUEUE.replace("tiers = TIER1, TIER2", "tiers = TIER1, TIER1"),
                        "queue.q.step.last.tiers", "queue.q.step.last.tiers='TIER1, TIER1' is invalid: step last "
                                + "names a tier twice: [TIER1, TIER1]"),
                // what a declared queue needs
                Arguments.of("queues = support, tier2\n" + ONE_QUEUE.replace("queues = q\n", "")
                        .replace("queue.q.", "queue.support."), "queue.tier2.steps",
                        "queue.tier2.steps is missing: queue tier2 is listed in queues, so it needs its steps"),
                Arguments.of(ONE_QUEUE.replace("queue.q.step.last.tiers = TIER1, TIER2\n", ""),
                        "queue.q.step.last.tiers", "queue.q.step.last.tiers is missing: step last of queue q needs "
                                + "the tiers that may take its calls"),
                Arguments.of(ONE_QUEUE.replace("queue.q.step.first.lasts = 30s\n", ""), "queue.q.step.first.lasts",
                        "queue.q.step.first.lasts is missing: every step but the last of queue q needs a duration"),
                Arguments.of(ONE_QUEUE + "queue.q.step.last.lasts = 30s", "queue.q.step.last.lasts",
                        "queue.q.step.last.lasts='30s' must not be set: last is the last step of queue q, which "
                                + "lasts until the call is answered"),
                Arguments.of(ONE_QUEUE.replace("TIER1, TIER2", "TIER1, ON_SITE"), "queue.q.step.last.tiers",
                        "queue.q.step.last.tiers='TIER1, ON_SITE' has 'ON_SITE', which is not a seat tier (TIER1, "
                                + "TIER2 or EXPERT)"),
                Arguments.of(ONE_QUEUE + "queue.q.step.first.min-proficiency = 6", "queue.q.step.first.min-proficiency",
                        "queue.q.step.first.min-proficiency='6' is not a whole number from 0 to 5"),
                Arguments.of(ONE_QUEUE.replace("first, last", "last, last"), "queue.q.steps",
                        "queue.q.steps='last, last' names last twice"),
                // unknown and repeated keys
                Arguments.of("ring-timout = 10s", "ring-timout",
                        "unknown key ring-timout: it is not a routing key; did you mean ring-timeout?"),
                Arguments.of("colour = blue", "colour",
                        "unknown key colour: it is not a routing key (docs/routing.properties lists every key)"),
                Arguments.of("queue.support.steps = a", "queue.support.steps",
                        "unknown key queue.support.steps: queues is not set, so the file defines no queue (set "
                                + "queues to list them)"),
                Arguments.of(ONE_QUEUE + "queue.vip.steps = a", "queue.vip.steps",
                        "unknown key queue.vip.steps: queue vip is not listed in queues"),
                Arguments.of(ONE_QUEUE + "queue.q.step.middle.tiers = TIER2", "queue.q.step.middle.tiers",
                        "unknown key queue.q.step.middle.tiers: step middle is not listed in queue.q.steps"),
                Arguments.of("wrap-up = 10s\nwrap-up = 20s", "wrap-up", "wrap-up appears more than once"),
                // dialled numbers
                Arguments.of("dnis.+864008001234.queue = tier3", "dnis.+864008001234.queue",
                        "dnis.+864008001234.queue='tier3' is not one of the queues [expert, support, tier2]"),
                Arguments.of(ONE_QUEUE + "dnis.4008001234.queue = support", "dnis.4008001234.queue",
                        "dnis.4008001234.queue='support' is not one of the queues [q]"),
                Arguments.of("dnis.+86-400.queue = tier2", "dnis.+86-400.queue",
                        "dnis.+86-400.queue='tier2' is for '+86-400', which is not a dialled number (digits, "
                                + "optionally after +, as Asterisk sends it, e.g. dnis.+864008001234.queue)"),
                Arguments.of("dnis.queue = tier2", "dnis.queue",
                        "dnis.queue='tier2' is for '', which is not a dialled number (digits, optionally after +, "
                                + "as Asterisk sends it, e.g. dnis.+864008001234.queue)"),
                Arguments.of("dnis.+864008001234.product = ERP U8", "dnis.+864008001234.product",
                        "dnis.+864008001234.product='ERP U8' is not a skill code (letters, digits, _ and -, e.g. "
                                + "ERP_U8)"),
                Arguments.of("dnis.+864008001234.skill = ERP_U8", "dnis.+864008001234.skill",
                        "unknown key dnis.+864008001234.skill: a dialled number has only dnis.<number>.queue and "
                                + "dnis.<number>.product"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFiles")
    void shouldNameTheFileTheKeyAndTheValueOfEveryError(String content, String key, String message)
            throws IOException {
        // given a file with one mistake
        Path file = write(content + "\n");

        // when it is loaded
        InvalidSettingException failure = catchThrowableOfType(InvalidSettingException.class,
                () -> RoutingFile.load(file));

        // then the error names the file, the key and the value
        assertThat(failure).isNotNull();
        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure).hasMessage("HOTLINE_ROUTING_FILE '" + file + "': " + message);
    }

    @Test
    void shouldLoadTheQueueAndProductOfEachDialledNumber() throws IOException {
        Path file = write(String.join("\n",
                "dnis.+864008001234.queue = tier2",
                "dnis.+864008001234.product = ERP_U8",
                "dnis.4008005678.queue = expert",
                "dnis.4008009999.product = HR-CLOUD",
                ""));

        RoutingConfig config = RoutingFile.load(file);

        assertThat(config.dialledNumbers()).isEqualTo(new DialledNumbers(
                Map.of("+864008001234", "tier2", "4008005678", "expert"),
                Map.of("+864008001234", "ERP_U8", "4008009999", "HR-CLOUD")));
        assertThat(config.dialledNumbers().queue("+864008001234")).contains("tier2");
        assertThat(config.dialledNumbers().queue("864008001234")).isEmpty();
        assertThat(RoutingFile.load(EXAMPLE).dialledNumbers()).isEqualTo(DialledNumbers.NONE);
    }

    @Test
    void shouldFailWhenTheFileIsMissing() {
        Path missing = directory.resolve("nope.properties");

        assertThatThrownBy(() -> RoutingFile.load(missing))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HOTLINE_ROUTING_FILE='" + missing + "' does not exist");
    }

    @Test
    void shouldFailWhileLoadingTheSettingsWhenTheRoutingFileIsInvalid() throws IOException {
        Path file = write("ring-timeout = soon\n");

        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_ROUTING_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ring-timeout='soon'");
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("routing.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
