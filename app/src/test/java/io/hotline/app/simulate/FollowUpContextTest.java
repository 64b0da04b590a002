package io.hotline.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code [hotline-follow-up]} context run by the dialplan interpreter on a supervisor's answered phone,
 * as Asterisk runs it after Hotline's AMI Originate of a field-service follow-up (docs/asterisk.md, "Follow-up
 * calls"): the customer is dialled through the trunk showing the hotline's number, national and E.164 numbers
 * alike, and the call simply ends however it ends; nothing is reported to Hotline (no AGI at all).
 */
class FollowUpContextTest {
    private static final String NATIONAL = "02161234567";
    private static final String E164 = "+4930123407";
    private static final String HOTLINE_CALLER_ID = "\"Hotline\" <4008001234>";
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> dialled = new ArrayList<>();
    /** The supervisor's caller id at the moment Dial rings the customer: what app_dial presents to the customer. */
    private final List<String> shownToCustomer = new ArrayList<>();
    private SimulatedAsterisk pbx;
    private SimulatedChannel supervisorLeg;

    @BeforeEach
    void loadTheShippedDialplan() throws IOException {
        // Hotline is not involved once the Originate is placed: an AGI here would fail against a closed port.
        pbx = new SimulatedAsterisk(Dialplan.load(Path.of("..", "docs", "asterisk", "extensions.conf")),
                Map.of("HOTLINE_AGI", "agi://127.0.0.1:9"));
        resources.add(pbx);
        pbx.whenDialling(target -> {
            dialled.add(target);
            shownToCustomer.add(supervisorLeg.variable("CALLERID(all)"));
        });
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    /**
     * What app_originate leaves on the supervisor's answered phone (Originate Channel=PJSIP/2001,
     * Context=hotline-follow-up, Exten={@code number}, CallerID "Follow-up WO42" <number>, HOTLINE_WORKORDER=42),
     * then the PBX running {@code hotline-follow-up,<number>,1} on it until the call ends.
     */
    private SimulatedChannel followUp(String number, SeatPhone customer, CallerPhone supervisor) {
        pbx.install(customer);
        supervisorLeg = pbx.newChannel("PJSIP/2001", number, "Follow-up WO42", number, null);
        supervisorLeg.set("HOTLINE_WORKORDER", "42");
        supervisorLeg.answer();
        pbx.runOn(supervisorLeg, supervisor, "hotline-follow-up", number);
        return supervisorLeg;
    }

    private static CallerPhone supervisor() {
        return new CallerPhone("2001", "Supervisor Zhang", "PJSIP/2001", Map.of(), CallerPhone.FOREVER,
                CallerPhone.FOREVER, CallerPhone.FOREVER);
    }

    @Test
    void shouldDialTheCustomerThroughTheTrunkWithTheHotlinesNumberOnceTheSupervisorAnswered() {
        SimulatedChannel leg = followUp(NATIONAL, SeatPhone.answering("PJSIP/" + NATIONAL + "@carrier", "Customer",
                2_000).hangingUpAfter(60_000), supervisor());

        // the customer was called through the trunk, seeing the hotline, not the customer's own number
        assertThat(dialled).containsExactly("PJSIP/02161234567@carrier");
        assertThat(shownToCustomer).containsExactly(HOTLINE_CALLER_ID);
        assertThat(leg.steps()).first().asString()
                .isEqualTo("hotline-follow-up,_X.,1: NoOp(Hotline follow-up of work order 42: calling 02161234567)");
        // the customer hung up: without g, Dial hangs the supervisor up too, and nothing runs after it
        assertThat(leg.variable("DIALSTATUS")).isEqualTo("ANSWER");
        assertThat(leg.isHungUp()).isTrue();
        assertThat(leg.experience()).contains("connected to " + pbx.channelsOf("PJSIP/" + NATIONAL + "@carrier")
                .get(0).name()).endsWith("seat hung up", "BYE from the PBX");
        assertThat(leg.steps()).noneMatch(step -> step.contains("Hangup(") || step.contains("AGI("));
    }

    @Test
    void shouldDialAnE164NumberWithItsPlusThroughThePlusPattern() {
        SimulatedChannel leg = followUp(E164, SeatPhone.answering("PJSIP/" + E164 + "@carrier", "Customer", 0)
                .hangingUpAfter(30_000), supervisor());

        assertThat(pbx.dialplan().match("hotline-follow-up", E164)).hasValue(new Dialplan.Match("hotline-follow-up",
                "_+X."));
        assertThat(dialled).containsExactly("PJSIP/+4930123407@carrier");
        assertThat(shownToCustomer).containsExactly(HOTLINE_CALLER_ID);
        assertThat(leg.steps()).first().asString().startsWith("hotline-follow-up,_+X.,1: ");
        assertThat(leg.variable("DIALSTATUS")).isEqualTo("ANSWER");
    }

    @Test
    void shouldHangTheSupervisorUpWhenTheCustomerDoesNotAnswerOrCannotBeReached() {
        SimulatedChannel unanswered = followUp(NATIONAL, SeatPhone.neverAnswering("PJSIP/" + NATIONAL + "@carrier",
                "Customer"), supervisor());

        assertThat(unanswered.variable("DIALSTATUS")).isEqualTo("NOANSWER");
        assertThat(unanswered.steps()).last().asString().isEqualTo("hotline-follow-up,_X.,4: Hangup()");
        assertThat(unanswered.experience()).last().isEqualTo("BYE from the PBX");

        SimulatedChannel unreachable = followUp(E164, SeatPhone.answering("PJSIP/" + E164 + "@carrier", "Customer",
                0).unreachable(), supervisor());

        assertThat(unreachable.variable("DIALSTATUS")).isEqualTo("CHANUNAVAIL");
        assertThat(unreachable.steps()).last().asString().isEqualTo("hotline-follow-up,_+X.,4: Hangup()");
        assertThat(unreachable.isHungUp()).isTrue();
    }

    @Test
    void shouldEndTheCustomersLegWhenTheSupervisorHangsUpFirst() {
        // during the conversation
        SimulatedChannel talking = followUp(NATIONAL, SeatPhone.answering("PJSIP/" + NATIONAL + "@carrier",
                "Customer", 0), supervisor().talkingFor(45_000));

        assertThat(talking.variable("DIALSTATUS")).isEqualTo("ANSWER");
        assertThat(pbx.channelsOf("PJSIP/" + NATIONAL + "@carrier")).singleElement()
                .satisfies(customer -> assertThat(customer.experience()).last().isEqualTo("BYE from the PBX"));

        // while the customer's phone still rings
        SimulatedChannel ringing = followUp(E164, SeatPhone.neverAnswering("PJSIP/" + E164 + "@carrier",
                "Customer"), supervisor().lettingItRingFor(10_000));

        assertThat(ringing.variable("DIALSTATUS")).isEqualTo("CANCEL");
        assertThat(pbx.channelsOf("PJSIP/" + E164 + "@carrier")).singleElement()
                .satisfies(customer -> assertThat(customer.experience()).last().isEqualTo("CANCEL"));
        assertThat(List.of(talking, ringing)).allSatisfy(leg -> {
            assertThat(leg.isHungUp()).isTrue();
            assertThat(leg.steps()).noneMatch(step -> step.contains("Hangup(") || step.contains("AGI("));
        });
    }

    @Test
    void shouldHaveNoExtensionForAnythingButANumber() {
        // Asterisk's Originate checks the extension first (no such extension: "Extension does not exist."), and
        // runs a context's "failed" extension when the originated phone does not answer: there is none here.
        Dialplan shipped = pbx.dialplan();

        assertThat(shipped.match("hotline-follow-up", "failed")).isEmpty();
        assertThat(shipped.match("hotline-follow-up", "h")).isEmpty();
        assertThat(shipped.match("hotline-follow-up", "s")).isEmpty();
        assertThat(shipped.match("hotline-follow-up", "+")).isEmpty();
        assertThat(shipped.match("hotline-follow-up", "123")).hasValue(new Dialplan.Match("hotline-follow-up",
                "_X."));
    }
}
