package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The announcement's words, as app_queue's say_position chooses them. */
class WaitAnnouncementTest {

    @Test
    void shouldRoundTheEstimatedWaitToTheNearestMinuteAsAppQueueDoes() {
        assertThat(WaitAnnouncement.roundedMinutes(null)).isZero();
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ZERO)).isZero();
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofSeconds(29))).isZero();
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofSeconds(89))).isEqualTo(1);
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofSeconds(90))).isEqualTo(2);
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofMinutes(4))).isEqualTo(4);
        assertThat(WaitAnnouncement.roundedMinutes(Duration.ofSeconds(-5))).isZero();
    }

    @Test
    void shouldPlayOnlyPromptsOfTheDocumentedList() {
        for (int position = 1; position < 4; position++) {
            for (Duration wait : new Duration[] {null, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(7)}) {
                WaitAnnouncement.parts(new RoutingCommand.AnnounceWait("c", position, wait)).stream()
                        .filter(part -> part.prompt() != null)
                        .forEach(part -> assertThat(WaitAnnouncement.PROMPTS).contains(part.prompt()));
            }
        }
        assertThat(WaitAnnouncement.parts(new RoutingCommand.AnnounceWait("c", 1, Duration.ofMinutes(9))))
                .extracting(WaitAnnouncement.Part::prompt).containsExactly("queue-youarenext", "queue-thankyou");
    }
}
