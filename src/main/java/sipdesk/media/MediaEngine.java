package sipdesk.media;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import sipdesk.core.CallId;
import sipdesk.core.Command.AudioCommand;
import sipdesk.core.Command.ConnectMedia;
import sipdesk.core.Command.DisconnectMedia;
import sipdesk.core.Command.PlayTone;
import sipdesk.core.Command.StartRinger;
import sipdesk.core.Command.StopRinger;
import sipdesk.core.Command.StopTone;
import sipdesk.core.PhoneEvent.DtmfReceived;
import sipdesk.core.port.Audio;
import sipdesk.core.port.EventSink;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.rtp.CallStats;
import sipdesk.media.rtp.RtpSession;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.Negotiation;
import sipdesk.media.sdp.SdpNegotiator;
import sipdesk.media.tone.TonePattern;

/**
 * The phone's media: tones and the ringer for the core ({@link Audio}), and RTP per call for the SIP
 * adapter ({@link MediaSessions}). Internally everything is mixed at {@link #ENGINE_RATE} in 20 ms
 * frames; codecs and cards are converted to and from it.
 *
 * <p>Threads: {@link #execute} runs on the core thread and only publishes what it asks for
 * (volatile fields) and wakes the handset thread; the {@code media-handset} thread (see {@link HandsetLoop})
 * does the audio, paced by the card, takes each call's RTP in at the start of its frames, and rests
 * while there is nothing to play or send; a {@code media-ringer} thread plays a ringer that has a card
 * of its own; each call has an RTCP receiver thread (a packet every few seconds). The handset thread
 * also looks for calls gone silent ({@link SilenceTimeouts}); {@link MediaSessions} methods run on
 * the SIP adapter's thread.
 */
public final class MediaEngine implements Audio, MediaSessions {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class.getName());
    /** G.722's rate: the wideband handset path; G.711 calls are converted up to it. */
    public static final int ENGINE_RATE = 16000;
    static final int ENGINE_FRAME = ENGINE_RATE / 50;
    private static final CallMedia[] NONE = new CallMedia[0];

    private final MediaSetup setup;
    private final EventSink events;
    private final HotplugMicrophone microphone;
    private final HotplugSpeaker earpiece;
    private final Optional<HotplugSpeaker> ringer;
    private final SecureRandom random = new SecureRandom();
    private final Map<CallId, CallMedia> calls = new ConcurrentHashMap<>();
    private final Object routing = new Object();
    private List<CallId> connectedIds = List.of();
    private volatile CallMedia[] connected = NONE;
    private volatile CallMedia[] notConnected = NONE;
    private volatile TonePattern requestedTone;
    private volatile int toneRequests;
    private volatile boolean ringing;
    private volatile boolean closed;
    private HandsetLoop handset;
    private Thread handsetThread;
    private Thread ringerThread;
    private final SilenceTimeouts silence;

    private MediaEngine(MediaSetup setup, EventSink events, HotplugMicrophone microphone, HotplugSpeaker earpiece,
            Optional<HotplugSpeaker> ringer) {
        this.setup = setup;
        this.events = events;
        this.microphone = microphone;
        this.earpiece = earpiece;
        this.ringer = ringer;
        int silenceSeconds = setup.rtp().silenceTimeoutSeconds();
        this.silence = silenceSeconds > 0 ? new SilenceTimeouts(silenceSeconds, events) : null;
    }

    /**
     * Opens the configured cards or files ({@code file:} settings, see FileDevices), or their silent
     * stand-ins, and starts the media threads.
     */
    public static MediaEngine start(MediaSetup setup, EventSink events) {
        setup.warnings().forEach(LOG::warning);
        HotplugMicrophone microphone = HotplugMicrophone.configured("handset microphone", setup.captureDevice(), ENGINE_RATE);
        HotplugSpeaker earpiece = HotplugSpeaker.configured("handset earpiece", setup.playbackDevice(), ENGINE_RATE);
        Optional<HotplugSpeaker> ringer = setup.separateRinger()
                ? Optional.of(HotplugSpeaker.configured("ringer", setup.ringerDevice(), ENGINE_RATE)) : Optional.empty();
        return start(setup, events, microphone, earpiece, ringer);
    }

    /** With devices chosen by the caller (tests, {@code sipdesk audio test}, the benchmark). */
    public static MediaEngine start(MediaSetup setup, EventSink events, HotplugMicrophone microphone,
            HotplugSpeaker earpiece, Optional<HotplugSpeaker> ringer) {
        MediaEngine engine = new MediaEngine(setup, events, microphone, earpiece, ringer);
        RingSource ring = RingSource.load(setup.ringtone(), ENGINE_RATE);
        engine.handset = new HandsetLoop(engine, microphone, earpiece, ring, ringer.isEmpty());
        engine.handsetThread = Thread.ofPlatform().daemon().name("media-handset").priority(Thread.MAX_PRIORITY)
                .start(realtime(engine.handset));
        ringer.ifPresent(r -> engine.ringerThread = Thread.ofPlatform().daemon().name("media-ringer")
                .start(realtime(new RingerLoop(engine, r, RingSource.load(setup.ringtone(), ENGINE_RATE)))));
        return engine;
    }

    /**
     * A media loop that first asks for real-time scheduling for its own thread (see {@link
     * RealtimePriority}; Java's thread priority does nothing on Linux), and runs as before without it.
     */
    private static Runnable realtime(Runnable loop) {
        return () -> {
            RealtimePriority.forCurrentThread();
            loop.run();
        };
    }

    // --- Audio: the core thread -------------------------------------------------------------------

    @Override
    public void execute(AudioCommand command) {
        switch (command) {
            case PlayTone t -> requestTone(setup.tones().pattern(t.tone()));
            case StopTone s -> requestTone(null);
            case StartRinger s -> {
                ringing = true;
                if (ringerThread != null) {
                    LockSupport.unpark(ringerThread);
                    return; // the ring has its own card: the handset may rest on
                }
            }
            case StopRinger s -> {
                ringing = false;
                return; // whichever loop rings sees it at its next frame
            }
            case ConnectMedia c -> route(c.calls());
            case DisconnectMedia d -> route(List.of());
        }
        wakeHandset();
    }

    /** After publishing a change: the handset thread may be resting (see {@link HandsetLoop}). */
    private void wakeHandset() {
        LockSupport.unpark(handsetThread);
    }

    private void requestTone(TonePattern pattern) {
        requestedTone = pattern;
        toneRequests++; // single writer: the core thread
    }

    private void route(List<CallId> ids) {
        synchronized (routing) {
            connectedIds = List.copyOf(ids);
            republish();
        }
    }

    /** Splits the open calls into those on the handset and the others, for the handset thread. */
    private void republish() {
        List<CallMedia> on = new ArrayList<>();
        for (CallId id : connectedIds) {
            CallMedia call = calls.get(id);
            if (call != null) on.add(call);
        }
        List<CallMedia> off = new ArrayList<>(calls.values());
        off.removeAll(on);
        connected = on.toArray(NONE);
        notConnected = off.toArray(NONE);
    }

    // --- for the media threads --------------------------------------------------------------------

    CallMedia[] connected() {
        return connected;
    }

    CallMedia[] notConnected() {
        return notConnected;
    }

    TonePattern requestedTone() {
        return requestedTone;
    }

    int toneRequests() {
        return toneRequests;
    }

    boolean ringing() {
        return ringing;
    }

    boolean closed() {
        return closed;
    }

    /** Reports calls gone silent; called by the handset thread once a second. */
    void checkSilence(long nowNanos) {
        if (silence == null) return;
        silence.check(connected, nowNanos);
        silence.check(notConnected, nowNanos);
    }

    /** Frames the handset thread has run (diagnostics, tests). */
    public long frames() {
        return handset.frames;
    }

    /** The handset thread is parked, resting with nothing to play or send (tests). */
    boolean handsetResting() {
        return handset.resting && handsetThread.getState() == Thread.State.WAITING;
    }

    long handsetWakeUps() {
        return handset.wakeUps;
    }

    /** Records the monotonic start time of the next {@code count} frames (benchmark). */
    public long[] recordFrameStarts(int count) {
        long[] starts = new long[count];
        handset.frameStarts = starts;
        return starts;
    }

    // --- MediaSessions: the SIP adapter's thread --------------------------------------------------

    @Override
    public void open(CallId call, String localAddress) throws IOException {
        if (calls.containsKey(call)) return;
        RtpSession rtp = RtpSession.open(setup.rtp(), digit -> events.post(new DtmfReceived(call, digit)));
        SdpNegotiator sdp = new SdpNegotiator(setup.sdp(), localAddress, rtp.localPort(), random.nextLong() >>> 1);
        synchronized (routing) {
            calls.put(call, new CallMedia(call, rtp, sdp));
            republish();
        }
        wakeHandset();
        LOG.fine(() -> "call " + call + ": RTP on " + localAddress + ":" + rtp.localPort());
    }

    private CallMedia call(CallId call) {
        CallMedia media = calls.get(call);
        if (media == null) throw new IllegalStateException("no media open for call " + call + " (open it first)");
        return media;
    }

    @Override
    public String offer(CallId call, MediaDirection direction) {
        return call(call).sdp.offer(direction);
    }

    @Override
    public Negotiation answer(CallId call, String offerSdp, MediaDirection direction) {
        CallMedia media = call(call);
        return applied(media, media.sdp.answer(offerSdp, direction));
    }

    @Override
    public Negotiation accept(CallId call, String answerSdp) {
        CallMedia media = call(call);
        return applied(media, media.sdp.accept(answerSdp));
    }

    private static Negotiation applied(CallMedia media, Negotiation outcome) {
        switch (outcome) {
            case Negotiation.Agreed agreed -> media.rtp.apply(agreed.plan());
            case Negotiation.NotAcceptable refused ->
                    LOG.info(() -> "call " + media.call + ": SDP not acceptable: " + refused.reason());
        }
        return outcome;
    }

    @Override
    public MediaDirection holdDirection() {
        return setup.sdp().holdDirection();
    }

    @Override
    public boolean sendDtmf(CallId call, char digit) {
        CallMedia media = calls.get(call);
        return media != null && media.rtp.sendDtmf(digit);
    }

    @Override
    public Optional<CallStats> stats(CallId call) {
        return Optional.ofNullable(calls.get(call)).map(c -> c.rtp.stats());
    }

    @Override
    public Map<CallId, CallStats> stats() {
        Map<CallId, CallStats> all = new LinkedHashMap<>();
        calls.forEach((id, media) -> all.put(id, media.rtp.stats()));
        return all;
    }

    @Override
    public void close(CallId call) {
        CallMedia media;
        synchronized (routing) {
            media = calls.remove(call);
            republish();
        }
        if (media != null) media.rtp.close(); // logs the call's figures
    }

    /** Which devices are in use, for {@code status}: e.g. "earpiece silent (no card)", with underruns when there were some. */
    public String devices() {
        return "microphone " + microphone.name() + ", earpiece " + earpiece.name() + underruns(earpiece)
                + ringer.map(r -> ", ringer " + r.name() + underruns(r)).orElse("");
    }

    private static String underruns(HotplugSpeaker speaker) {
        long n = speaker.underruns();
        return n == 0 ? "" : " (" + n + (n == 1 ? " underrun" : " underruns") + ")";
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        wakeHandset();
        if (ringerThread != null) LockSupport.unpark(ringerThread);
        for (CallId id : List.copyOf(calls.keySet())) close(id);
        try {
            handsetThread.join(1000);
            if (ringerThread != null) ringerThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        microphone.close();
        earpiece.close();
        ringer.ifPresent(HotplugSpeaker::close);
    }
}
