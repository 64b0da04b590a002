package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator reads the shipped dialplan as Asterisk does: which extension a number reaches, labels, values. */
class DialplanTest {
    private static Dialplan shipped;

    @BeforeAll
    static void load() throws Exception {
        shipped = Dialplan.load(Path.of("..", "docs", "asterisk", "extensions.conf"));
    }

    @Test
    void shouldMatchNumbersAndFeatureCodesAsAsteriskDoes() {
        assertThat(shipped.match("hotline-inbound", "+864008001234")).hasValue(new Dialplan.Match("hotline-inbound",
                "_+X."));
        assertThat(shipped.match("hotline-inbound", "864008001234")).hasValue(new Dialplan.Match("hotline-inbound",
                "_X."));
        assertThat(shipped.match("hotline-inbound", "4")).isEmpty();
        assertThat(shipped.match("hotline-seats", "*23").orElseThrow().extension()).isEqualTo("*23");
        assertThat(shipped.match("hotline-seats", "*231").orElseThrow().extension()).isEqualTo("_*23X");
        assertThat(shipped.match("hotline-seats", "*2312").orElseThrow().extension()).isEqualTo("_*23X.");
        assertThat(shipped.match("hotline-seats", "*25")).isEmpty();
        assertThat(new ExtensionPattern("_[+0-9].").matches("+8640")).isTrue();
        assertThat(new ExtensionPattern("_NXX").matches("123")).isFalse();
        assertThat(new ExtensionPattern("_*23X!").matches("*231")).isTrue();
    }

    @Test
    void shouldNumberPrioritiesAndFindLabels() {
        Dialplan.Match dispatch = new Dialplan.Match("hotline-dispatch", "s");
        int dial = shipped.priority(dispatch, "dial");

        assertThat(shipped.step(dispatch, 1).orElseThrow().label()).isEqualTo("result");
        assertThat(shipped.step(dispatch, dial + 1).orElseThrow().application()).isEqualTo("Dial");
        assertThat(shipped.globals()).containsKey("HOTLINE_AGI");
    }

    @Test
    void shouldSubstituteVariablesFunctionsAndExpressions() {
        SimulatedChannel channel = new SimulatedChannel("PJSIP/carrier-0000000a", "1796622099.10", "1796622099.10",
                "+4930123418", "Survey Customer", "+864008001234");
        channel.moveTo("hotline-seats", "_*23X.", "*2312", 1);
        channel.set("HOTLINE_RESULT", "DONE");
        Substitution substitution = new Substitution(Map.of("HOTLINE_AGI", "agi://127.0.0.1:4573"));

        assertThat(substitution.expand("${HOTLINE_AGI}/seat?reason=${EXTEN:3}", channel))
                .isEqualTo("agi://127.0.0.1:4573/seat?reason=12");
        assertThat(substitution.expand("dnis=${URIENCODE(${CALLERID(dnid)})}", channel))
                .isEqualTo("dnis=%2B864008001234");
        assertThat(substitution.expand("$[\"${HOTLINE_RESULT}\" = \"DONE\"]?survey", channel)).isEqualTo("1?survey");
        assertThat(substitution.expand("$[\"${HOTLINE_CALLBACK}\" != \"OK\"]?fallback", channel))
                .isEqualTo("1?fallback");
        assertThat(substitution.expand("${CALLERID(all)} ${CHANNEL(linkedid)}", channel))
                .isEqualTo("\"Survey Customer\" <+4930123418> 1796622099.10");
    }

    @Test
    void shouldInheritUnderscoreVariablesIntoDialledChannels() {
        SimulatedChannel caller = new SimulatedChannel("PJSIP/carrier-0000000a", "1.1", "1.1", "1", "a", "2");
        SimulatedChannel seat = new SimulatedChannel("PJSIP/1001-0000000b", "1.2", "1.1", "1001", "b", null);
        SimulatedChannel transferTarget = new SimulatedChannel("PJSIP/1002-0000000c", "1.3", "1.1", "1002", "c",
                null);
        caller.set("__TRANSFER_CONTEXT", "hotline-escalate");
        caller.set("_ONCE", "x");
        caller.set("MINE", "y");

        caller.inheritInto(seat);
        seat.inheritInto(transferTarget);

        assertThat(seat.variable("TRANSFER_CONTEXT")).isEqualTo("hotline-escalate");
        assertThat(seat.variable("ONCE")).isEqualTo("x");
        assertThat(seat.variable("MINE")).isNull();
        assertThat(transferTarget.variable("TRANSFER_CONTEXT")).isEqualTo("hotline-escalate");
        assertThat(transferTarget.variable("ONCE")).isNull();
    }
}
