package sipdesk.sip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SIP messages of the last calls, for {@code sipdesk flows [N]} (issue 6): grouped by Call-ID and
 * numbered F1, F2, ... like the call-flow tables of the Yealink admin guide's appendix.
 *
 * <p>A call is a Call-ID whose first message is an INVITE (sent or received); later messages with the
 * same Call-ID (CANCEL, ACK, BYE, re-INVITE, REFER, NOTIFY, their responses) join it. Registrations,
 * OPTIONS and other out-of-call traffic are not kept.
 *
 * <p>Bounded memory: at most {@code maxCalls} calls and {@code maxMessages} steps in all; the oldest
 * calls go first, and a single call past {@code maxMessages} keeps its first steps and counts the rest.
 * Only the start line, Call-ID, From/To users and addresses are kept, never headers or bodies (so no
 * credentials). Thread-safe: the stack's threads record, any thread formats.
 */
public final class MessageFlows {
    /** One message as a step of a flow. {@code label}: request method + URI, or status code + reason. */
    record Step(String label, String from, String to) {}

    /** What puts a step back in its place when the stack tells us of it late. */
    sealed interface Ordering {}

    /**
     * A received response: the stack parses each UDP datagram on a thread of its own, so a 100 and a
     * 180 arriving within a millisecond can reach us in either order. {@code transaction}: CSeq
     * number and method.
     */
    record ReceivedResponse(String transaction, int code, long atMillis) implements Ordering {}

    /**
     * An ACK we sent for an INVITE's final response ({@code transaction}: CSeq number and INVITE). The
     * transaction layer sends the ACK of a 407 or 486 while it handles the response, which can be
     * before the stack reports that response to us; an ACK can never come before what it acknowledges.
     */
    record SentAck(String transaction) implements Ordering {}

    /**
     * A request we sent other than ACK ({@code transaction}: CSeq number and method). The stack reports
     * what it sent after the send, so a fast answer can be reported first; no answer comes before its request.
     */
    record SentRequest(String transaction) implements Ordering {}

    private record Entry(Step step, Ordering order) {}

    /**
     * A message of a Call-ID no call has (yet): the stack reports an INVITE it sent after the send, so
     * a fast answer (a proxy's 407 within the millisecond) can be reported first. Also out-of-call
     * traffic (REGISTER, OPTIONS), which is never adopted and ages out.
     */
    private record Orphan(String callId, Step step, Ordering order) {}

    private static final int MAX_ORPHANS = 16;

    /** Responses of one transaction received this close together are shown in code order. */
    private static final long SAME_MOMENT_MILLIS = 10;

    private static final class Call {
        final int number;
        final String callId;
        final String caller;
        final String callee;
        final List<Entry> steps = new ArrayList<>();
        int dropped;

        Call(int number, String callId, String caller, String callee) {
            this.number = number;
            this.callId = callId;
            this.callee = callee;
            this.caller = caller;
        }
    }

    private static final int CALL_ID_CHARS = 16;

    private final int maxCalls;
    private final int maxMessages;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Deque<Orphan> orphans = new ArrayDeque<>();
    private int messages;
    private int callsSeen;

    /** The defaults of {@code sipdesk flows}: the last 20 calls, 400 messages. */
    public MessageFlows() {
        this(20, 400);
    }

    public MessageFlows(int maxCalls, int maxMessages) {
        if (maxCalls < 1 || maxMessages < 1) throw new IllegalArgumentException("maxCalls and maxMessages must be >= 1");
        this.maxCalls = maxCalls;
        this.maxMessages = maxMessages;
    }

    /**
     * Records one message. {@code startsCall}: it is an INVITE request (only those open a new call);
     * {@code callerUser}/{@code calleeUser}: the From and To users, used when it opens one.
     */
    void record(String callId, boolean startsCall, String callerUser, String calleeUser, Step step) {
        record(callId, startsCall, callerUser, calleeUser, step, null);
    }

    /** {@code order}: set for a response we received or an ACK we sent (null for other messages). */
    synchronized void record(String callId, boolean startsCall, String callerUser, String calleeUser, Step step,
                             Ordering order) {
        Objects.requireNonNull(callId, "callId");
        Call call = calls.get(callId);
        if (call == null) {
            if (!startsCall) {
                keepForLater(new Orphan(callId, step, order));
                return;
            }
            call = new Call(++callsSeen, callId, callerUser, calleeUser);
            calls.put(callId, call);
            add(call, step, order);
            adoptOrphans(call);
            return;
        }
        add(call, step, order);
    }

    private void add(Call call, Step step, Ordering order) {
        if (call.steps.size() >= maxMessages) {
            call.dropped++;
            return;
        }
        int at = call.steps.size();
        if (order instanceof ReceivedResponse received) {
            while (at > 0 && overtook(call.steps.get(at - 1).order(), received)) at--;
        } else if (order instanceof SentRequest request) {
            while (at > 0 && call.steps.get(at - 1).order() instanceof ReceivedResponse r
                    && r.transaction().equals(request.transaction())) at--;
        }
        call.steps.add(at, new Entry(step, order));
        messages++;
        evict();
    }

    private void keepForLater(Orphan orphan) {
        if (orphans.size() == MAX_ORPHANS) orphans.removeFirst();
        orphans.addLast(orphan);
    }

    /** The messages of this call that were reported before the INVITE that opens it, in their order. */
    private void adoptOrphans(Call call) {
        for (var it = orphans.iterator(); it.hasNext(); ) {
            Orphan o = it.next();
            if (o.callId().equals(call.callId)) {
                it.remove();
                add(call, o.step(), o.order());
            }
        }
    }

    /** True when {@code earlier} was recorded first but comes after {@code now}: a later response, or the ACK of it. */
    private static boolean overtook(Ordering earlier, ReceivedResponse now) {
        return switch (earlier) {
            case ReceivedResponse r -> r.transaction().equals(now.transaction()) && r.code() > now.code()
                    && Math.abs(now.atMillis() - r.atMillis()) <= SAME_MOMENT_MILLIS;
            case SentAck ack -> ack.transaction().equals(now.transaction()) && now.code() >= 200;
            case SentRequest r -> false;
            case null -> false;
        };
    }

    private void evict() {
        var it = calls.values().iterator();
        while ((calls.size() > maxCalls || messages > maxMessages) && calls.size() > 1) {
            Call oldest = it.next();
            messages -= oldest.steps.size();
            it.remove();
        }
    }

    /** The last {@code lastCalls} calls, oldest first, as numbered tables; a line saying so when none. */
    public synchronized String format(int lastCalls) {
        if (lastCalls < 1) throw new IllegalArgumentException("lastCalls must be >= 1, got " + lastCalls);
        if (calls.isEmpty()) return "no calls recorded\n";
        Deque<Call> chosen = new ArrayDeque<>();
        List<Call> all = new ArrayList<>(calls.values());
        for (int i = all.size() - 1; i >= 0 && chosen.size() < lastCalls; i--) chosen.addFirst(all.get(i));
        StringBuilder out = new StringBuilder();
        for (Call c : chosen) {
            if (!out.isEmpty()) out.append('\n');
            formatCall(c, out);
        }
        return out.toString();
    }

    private static void formatCall(Call c, StringBuilder out) {
        String id = c.callId.length() > CALL_ID_CHARS ? c.callId.substring(0, CALL_ID_CHARS) + "..." : c.callId;
        out.append("call ").append(c.number).append(" (Call-ID ").append(id).append("): ")
                .append(c.caller).append(" -> ").append(c.callee).append('\n');
        int labelWidth = 0;
        int fromWidth = 0;
        for (Entry e : c.steps) {
            Step s = e.step();
            labelWidth = Math.max(labelWidth, s.label().length());
            fromWidth = Math.max(fromWidth, s.from().length());
        }
        int numberWidth = ("F" + c.steps.size()).length();
        for (int i = 0; i < c.steps.size(); i++) {
            Step s = c.steps.get(i).step();
            out.append(pad("F" + (i + 1), numberWidth)).append("  ")
                    .append(pad(s.label(), labelWidth)).append("  ")
                    .append(pad(s.from(), fromWidth)).append(" -> ").append(s.to()).append('\n');
        }
        if (c.dropped > 0) out.append("(").append(c.dropped).append(" more messages not kept)\n");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
