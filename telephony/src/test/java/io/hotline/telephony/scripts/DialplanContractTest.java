package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.telephony.agi.AgiScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped dialplan (docs/asterisk/extensions.conf) and the code agree, to the letter. */
class DialplanContractTest {
    private static final Pattern AGI_CALL = Pattern.compile("AGI\\(\\$\\{HOTLINE_AGI}/([a-z]+)(\\?[^)]*)?\\)");
    private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{(HOTLINE_[A-Z_]+)}");
    private static String dialplan;

    @BeforeAll
    static void read() throws Exception {
        dialplan = Files.readString(Path.of("..", "docs", "asterisk", "extensions.conf"));
    }

    private static List<AgiScript> scripts() {
        return List.of(new RouteScript(null), new AnsweredScript(null), new HangupScript(null),
                new EscalateScript(null), new SurveyScript(null, null, null, null),
                new SeatScript(null, null, null, null, null),
                new CallbackScript(null, null, null));
    }

    @Test
    void shouldCallOnlyScriptsHotlineServesAndUseEveryOne() {
        Set<String> served = scripts().stream().map(AgiScript::name).collect(Collectors.toSet());
        Set<String> called = AGI_CALL.matcher(dialplan).results().map(match -> match.group(1))
                .collect(Collectors.toSet());

        assertThat(called).isEqualTo(served);
    }

    @Test
    void shouldBranchOnEveryResultThatNeedsItsOwnPathAndNameTheRest() {
        for (String result : DialplanContract.BRANCHED_RESULTS) {
            assertThat(dialplan).contains("\"${HOTLINE_RESULT}\" = \"" + result + "\"");
        }
        for (String result : DialplanContract.FALLBACK_RESULTS) {
            assertThat(dialplan).as("fallback comment names %s", result).contains(result);
        }
    }

    @Test
    void shouldReadOnlyVariablesTheScriptsSet() {
        Set<String> read = READ_VARIABLE.matcher(dialplan).results().map(match -> match.group(1))
                .filter(name -> !name.equals("HOTLINE_AGI") && !name.equals("HOTLINE_CHOICE"))
                .collect(Collectors.toSet());

        assertThat(DialplanContract.VARIABLES).containsAll(read);
    }

    @Test
    void shouldPassTheParametersTheScriptsRead() {
        assertThat(parameters("route")).contains("dnis", "dialstatus", "seat");
        assertThat(parameters("answered")).contains("call", "seat");
        assertThat(parameters("escalate")).contains("queue");
        assertThat(parameters("survey")).contains("workorder", "call");
        assertThat(parameters("callback")).contains("workorder", "call", "due");
        assertThat(parameters("seat")).contains("action", "reason");
    }

    private static Set<String> parameters(String script) {
        Matcher matcher = AGI_CALL.matcher(dialplan);
        return matcher.results().filter(match -> match.group(1).equals(script) && match.group(2) != null)
                .flatMap(match -> java.util.Arrays.stream(match.group(2).substring(1).split("&")))
                .map(pair -> pair.substring(0, pair.indexOf('='))).collect(Collectors.toSet());
    }
}
