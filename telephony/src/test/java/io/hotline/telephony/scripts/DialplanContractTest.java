package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.ami.AmiCallControl;
import io.hotline.telephony.ami.AmiFollowUpCalls;
import io.hotline.telephony.ami.CallbackDialPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped dialplan (docs/asterisk/extensions.conf), its docs (docs/asterisk.md) and the code agree. */
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
                new CallbackScript(null, null, null), new CallbackResultScript(null));
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
        // Set by SeatScript and CallbackScript (SeatSurveyEscalateScriptsTest, CallbackScriptTest).
        Set<String> set = new HashSet<>(DialplanContract.VARIABLES);
        set.addAll(List.of("HOTLINE_SEAT_RESULT", "HOTLINE_CALLBACK"));
        // Set on a callback's seat leg by the AMI Originate (AmiCallControlCallbackTest), by the operator in
        // [globals], and by the callback context itself.
        set.addAll(CallbackDialPlan.VARIABLES);
        set.addAll(List.of("HOTLINE_CALLBACK_TRUNK", "HOTLINE_CALLBACK_CALLERID", "HOTLINE_CALLBACK_RING_SECONDS",
                "HOTLINE_CALLBACK_REPORTED"));

        assertThat(set).containsAll(read);
    }

    @Test
    void shouldAnswerFeatureCodesAndMatchEveryReasonLength() {
        String seats = dialplan.substring(dialplan.indexOf("[hotline-seats]"));
        assertThat(seats).contains("exten => *21,", "exten => *22,", "exten => *23,", "exten => _*23X,",
                "exten => _*23X.,", "exten => *24,");
        assertThat(seats.substring(seats.indexOf("[hotline-seat-action]"))).contains("s,1,Answer()");
    }

    @Test
    void shouldKeepTheCallerWhenTheSeatHangsUpAndTakeE164Numbers() {
        assertThat(dialplan).containsPattern("Dial\\(\\$\\{HOTLINE_TARGET},\\$\\{HOTLINE_RING_SECONDS},gU\\(")
                .contains("exten => _X.,1,", "exten => _+X.,1,", "route?dnis=${URIENCODE(${EXTEN})}");
    }

    /** Every prompt the scripts and the dialplan play is one docs/asterisk.md tells the operator to install. */
    @Test
    void shouldListEveryPromptInTheDocs() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "asterisk.md"));
        Set<String> prompts = new TreeSet<>();
        Pattern played = Pattern.compile("(?:Playback\\(|Read\\([A-Z_]+,)([a-z0-9/-]+)");
        played.matcher(dialplan).results().map(match -> match.group(1)).forEach(prompts::add);
        // a prompt in the code: a string literal naming a core queue/beep sound or one of Hotline's own
        Pattern streamed = Pattern.compile("\"((?:queue-[a-z]+)|(?:beep(?:err)?)|(?:hotline/[a-z0-9-]+))\"");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                streamed.matcher(Files.readString(source)).results().map(match -> match.group(1))
                        .forEach(prompts::add);
            }
        }

        assertThat(prompts).contains("beep", "beeperr", "hotline/survey-prompt", "queue-thereare");
        for (String prompt : prompts) {
            assertThat(docs).as("docs/asterisk.md lists the prompt %s", prompt).contains("`" + prompt + "`");
        }
    }

    @Test
    void shouldPassTheParametersTheScriptsRead() {
        assertThat(parameters("route")).contains("dnis", "dialstatus", "seat");
        assertThat(parameters("answered")).contains("call", "seat");
        assertThat(parameters("escalate")).contains("queue");
        assertThat(parameters("survey")).contains("workorder", "call");
        assertThat(parameters("callback")).contains("workorder", "call", "due");
        assertThat(parameters("seat")).contains("action", "reason");
        assertThat(parameters("callbackresult")).contains("call", "seat", "dialstatus", "answered");
    }

    @Test
    void shouldRunTheCallbackContextOriginatedOverAmiAndDefineItsGlobals() {
        String callback = dialplan.substring(dialplan.indexOf("\n[hotline-callback]") + 1);
        callback = callback.substring(0, callback.indexOf("\n[", 1));
        assertThat(AmiCallControl.CALLBACK_CONTEXT).isEqualTo("hotline-callback");
        assertThat(callback).contains("exten => s,1,", "exten => h,1,",
                "AGI(${HOTLINE_AGI}/answered?call=${HOTLINE_CALL}&seat=${HOTLINE_SEAT})",
                "Dial(PJSIP/${HOTLINE_CALLBACK_NUMBER}@${HOTLINE_CALLBACK_TRUNK},${HOTLINE_CALLBACK_RING_SECONDS},g)",
                "\"${GOSUB_RESULT}\" = \"CHANUNAVAIL\"");
        String globals = dialplan.substring(dialplan.indexOf("[globals]"), dialplan.indexOf("[hotline-inbound]"));
        assertThat(globals).contains("HOTLINE_CALLBACK_TRUNK=", "HOTLINE_CALLBACK_CALLERID=",
                "HOTLINE_CALLBACK_RING_SECONDS=");
    }

    @Test
    void shouldDialTheCustomerFromTheFollowUpContextForNationalAndE164NumbersAndReportNothing() {
        String followUp = dialplan.substring(dialplan.indexOf("\n[" + AmiFollowUpCalls.CONTEXT + "]") + 1);
        // up to the next context's header comment
        followUp = followUp.substring(0, followUp.indexOf("\n; ---"));
        List<String> extensions = Pattern.compile("(?m)^exten => ([^,]+),").matcher(followUp).results()
                .map(match -> match.group(1)).toList();
        String steps = String.join("\n", "Set(CALLERID(all)=${HOTLINE_CALLBACK_CALLERID})",
                " same => n,Dial(PJSIP/${EXTEN}@${HOTLINE_CALLBACK_TRUNK},${HOTLINE_CALLBACK_RING_SECONDS})",
                " same => n,Hangup()");

        // one extension per number form, each running the same steps; no h or failed extension, no AGI
        assertThat(extensions).containsExactly("_X.", "_+X.");
        assertThat(followUp.split(Pattern.quote(steps), -1)).hasSize(3);
        assertThat(followUp).doesNotContain("AGI(");
    }

    private static Set<String> parameters(String script) {
        Matcher matcher = AGI_CALL.matcher(dialplan);
        return matcher.results().filter(match -> match.group(1).equals(script) && match.group(2) != null)
                .flatMap(match -> Arrays.stream(match.group(2).substring(1).split("&")))
                .map(pair -> pair.substring(0, pair.indexOf('='))).collect(Collectors.toSet());
    }
}
