package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.callback.CallbackOutcome;
import org.junit.jupiter.api.Test;

/** What each DIALSTATUS of the customer's Dial, as app_dial sets it, means for the callback. */
class CallbackResultScriptTest {

    @Test
    void shouldMapDialStatusesToOutcomesAndAnEmptyOneToNotDialled() {
        assertThat(CallbackResultScript.outcome("ANSWER")).isEqualTo(CallbackOutcome.CONNECTED);
        assertThat(CallbackResultScript.outcome("NOANSWER")).isEqualTo(CallbackOutcome.NO_ANSWER);
        assertThat(CallbackResultScript.outcome("BUSY")).isEqualTo(CallbackOutcome.NO_ANSWER);
        assertThat(CallbackResultScript.outcome("CANCEL")).isEqualTo(CallbackOutcome.NO_ANSWER);
        assertThat(CallbackResultScript.outcome("CHANUNAVAIL")).isEqualTo(CallbackOutcome.FAILED);
        assertThat(CallbackResultScript.outcome("CONGESTION")).isEqualTo(CallbackOutcome.FAILED);
        assertThat(CallbackResultScript.outcome("")).isNull();
    }
}
