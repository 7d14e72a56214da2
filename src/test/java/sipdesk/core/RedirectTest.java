package sipdesk.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.CallSettings.RedirectPolicy;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

/** What the phone does, as caller, when the callee answers 3xx (RFC 3261 8.1.3.4, Yealink flow 8). */
class RedirectTest {
    private final CallId call = new CallId("out-1");

    private static PhoneHarness callB(CallSettings settings) {
        var h = new PhoneHarness(settings);
        h.offHook().type("1002#");
        h.takeSip();
        return h;
    }

    /** The seed scenario: B redirects to C; the phone says so, calls C, rings back, connects. */
    @Test
    void callToBRedirectedToCIsForwardedRingsBackAndConnects() {
        var h = callB(CallSettings.DEFAULTS);
        h.send(new Trying(call));
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:1003@pbx", 1.0))));

        assertEquals(List.of(new FollowRedirect(call, "sip:1003@pbx")), h.takeSip());
        assertTrue(h.screenText().contains("Forwarded to"), h.screenText());
        assertTrue(h.screenText().contains("1003"), h.screenText());

        h.send(new PhoneEvent.Ringing(call));
        assertEquals(Optional.of(Tone.RINGBACK), h.tone());
        h.send(new Answered(call));
        assertEquals(Optional.empty(), h.tone());
        var connected = assertInstanceOf(Connected.class, h.state());
        assertEquals("1003", connected.call().peer().number());
        h.onHook();
        assertEquals("1003", h.phone.saved().history().get(0).peer().number());
    }

    @Test
    void targetsAreTriedInDecreasingQOrder() {
        var h = callB(CallSettings.DEFAULTS);
        h.send(new Redirected(call, 302, List.of(
                new RedirectTarget("sip:low@pbx", 0.1),
                new RedirectTarget("sip:high@pbx", 0.9),
                new RedirectTarget("sip:mid@pbx", 0.5))));
        assertEquals(List.of(new FollowRedirect(call, "sip:high@pbx")), h.takeSip());
        h.send(new CallFailed(call, 480, "Temporarily Unavailable"));
        assertEquals(List.of(new FollowRedirect(call, "sip:mid@pbx")), h.takeSip());
        h.send(new CallFailed(call, 404, "Not Found"));
        assertEquals(List.of(new FollowRedirect(call, "sip:low@pbx")), h.takeSip());
        h.send(new CallFailed(call, 404, "Not Found"));
        assertEquals(List.of(), h.takeSip());
        assertInstanceOf(Ended.class, h.state());
    }

    @Test
    void aTargetIsTriedOnlyOnceSoARedirectLoopEnds() {
        var h = callB(CallSettings.DEFAULTS);
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:c@pbx", 1))));
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("<sip:c@PBX>", 1))));
        assertEquals(List.of(new FollowRedirect(call, "sip:c@pbx")), h.takeSip());
        assertEquals(Optional.of(Tone.CONGESTION), h.tone());
        assertTrue(h.screenText().contains("Forward failed"), h.screenText());
    }

    @Test
    void atMostFiveTargetsAreFollowed() {
        var h = callB(CallSettings.DEFAULTS);
        for (int i = 1; i <= 6; i++) {
            h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:hop" + i + "@pbx", 1))));
        }
        List<SipCommand> sent = h.takeSip();
        assertEquals(5, sent.size(), sent.toString());
        assertEquals(new FollowRedirect(call, "sip:hop5@pbx"), sent.get(4));
        assertTrue(h.screenText().contains("too many hops"), h.screenText());
    }

    @Test
    void aGlobalFailureStopsTheSearch() {
        var h = callB(CallSettings.DEFAULTS);
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:a@pbx", 1), new RedirectTarget("sip:b@pbx", 0.5))));
        h.takeSip();
        h.send(new CallFailed(call, 603, "Decline"));
        assertEquals(List.of(), h.takeSip());
        assertInstanceOf(Ended.class, h.state());
    }

    @Test
    void askPolicyShowsTheTargetAndFollowsOnOk() {
        var h = callB(CallSettings.DEFAULTS.toBuilder().redirectPolicy(RedirectPolicy.ASK).build());
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:1003@pbx", 1))));
        assertEquals(List.of(), h.takeSip());
        assertEquals(new ConfirmRedirect(((ConfirmRedirect) h.state()).call(), "sip:1003@pbx"), h.state());
        assertTrue(h.screenText().contains("1003"));
        h.press(Key.OK);
        assertEquals(List.of(new FollowRedirect(call, "sip:1003@pbx")), h.takeSip());
    }

    @Test
    void askPolicyCancelEndsTheCall() {
        var h = callB(CallSettings.DEFAULTS.toBuilder().redirectPolicy(RedirectPolicy.ASK).build());
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:1003@pbx", 1))));
        h.press(Key.CANCEL);
        assertEquals(List.of(), h.takeSip());
        assertInstanceOf(Ended.class, h.state());
    }

    @Test
    void neverPolicyDoesNotFollow() {
        var h = callB(CallSettings.DEFAULTS.toBuilder().redirectPolicy(RedirectPolicy.NEVER).build());
        h.send(new Redirected(call, 302, List.of(new RedirectTarget("sip:1003@pbx", 1))));
        assertEquals(List.of(), h.takeSip());
        assertTrue(h.screenText().contains("Moved"));
    }

    @Test
    void aRedirectWithNoContactFails() {
        var h = callB(CallSettings.DEFAULTS);
        h.send(new Redirected(call, 302, List.of()));
        assertEquals(List.of(), h.takeSip());
        assertEquals(Optional.of(Tone.CONGESTION), h.tone());
    }
}
