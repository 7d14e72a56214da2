package sipdesk.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.SipdeskConfig;
import sipdesk.config.Strictness;
import sipdesk.control.ControlServer;
import sipdesk.core.CallControl;
import sipdesk.core.PhoneEvent;
import sipdesk.core.RegistrationState;
import sipdesk.core.SavedState;
import sipdesk.core.port.Audio;
import sipdesk.core.port.Display;
import sipdesk.core.port.EventSink;
import sipdesk.core.port.Signalling;
import sipdesk.core.port.StateStore;
import sipdesk.loop.EventLoop;
import sipdesk.sim.MemoryStateStore;
import sipdesk.sim.SimulatedNetwork;
import sipdesk.media.MediaEngine;
import sipdesk.media.MediaSetup;
import sipdesk.sip.JainSipSignalling;
import sipdesk.sip.SipAccount;
import sipdesk.store.FileStateStore;

/**
 * A running phone: the core on its event loop, the adapters around it, the control socket, the
 * reload signal and systemd notification. {@link #start} does all the I/O; {@link #close} undoes it.
 */
public final class PhoneDaemon implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PhoneDaemon.class.getName());

    /** Builds the front panel once the event sink exists (simulator, Pi4J or serial). */
    public interface FrontPanelFactory {
        FrontPanel open(EventSink sink, SipdeskConfig config) throws IOException;
    }

    /** The front panel's part in the daemon: its display, its audio if it has one, its shutdown. */
    public record FrontPanel(Display display, Optional<Audio> audio, Optional<sipdesk.hw.FrontPanel> ringer,
                             AutoCloseable closer) {
        public FrontPanel(Display display, Optional<Audio> audio, AutoCloseable closer) {
            this(display, audio, Optional.empty(), closer);
        }
    }

    private final RunOptions options;
    private final EventLoop loop;
    private final Thread coreThread;
    private final SignallingSwitch signalling;
    private final Optional<MediaEngine> media;
    private final EventSink sink;
    private final Audio audio;
    private final FrontPanel panel;
    private final Optional<ControlServer> control;
    private final SystemdNotifier systemd;
    private final ScheduledExecutorService watchdog;
    private final SimulatedNetwork simulatedNetwork;
    private volatile SipdeskConfig config;
    private volatile boolean closed;

    private PhoneDaemon(RunOptions options, EventLoop loop, Thread coreThread, SignallingSwitch signalling,
                        Optional<MediaEngine> media, EventSink sink, Audio audio,
                        FrontPanel panel, Optional<ControlServer> control, SystemdNotifier systemd,
                        ScheduledExecutorService watchdog, SimulatedNetwork simulatedNetwork, SipdeskConfig config) {
        this.options = options;
        this.loop = loop;
        this.coreThread = coreThread;
        this.signalling = signalling;
        this.media = media;
        this.sink = sink;
        this.audio = audio;
        this.panel = panel;
        this.control = control;
        this.systemd = systemd;
        this.watchdog = watchdog;
        this.simulatedNetwork = simulatedNetwork;
        this.config = config;
    }

    public static PhoneDaemon start(RunOptions options, String hardware, FrontPanelFactory panels) throws IOException {
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
        // The first STATUS= before any adapter can post a registration change: sent after them, it
        // overwrote their status (an IP direct or registered phone showed "registering" for good).
        systemd.status(ControlCommands.describe(new RegistrationState.Registering("")));
        SipdeskConfig config = loadConfig(options.config(), hardware).orElseGet(SipdeskConfig::defaults);
        StateStore store = openStore(options.stateDir().orElse(config.device().stateDir()));
        SavedState firstStart = SavedState.EMPTY.withSettings(config.initialUserSettings());
        SavedState saved = store instanceof FileStateStore f ? f.loadOr(firstStart) : store.load();
        Clock clock = Clock.systemUTC();
        var core = new CallControl(config.toCallSettings(), saved, clock);

        // Adapters need the loop as their event sink and the loop needs them as its dispatcher.
        var dispatcher = new LateDispatcher();
        var loop = new EventLoop(core, dispatcher, clock);
        EventSink sink = event -> {
            if (event instanceof PhoneEvent.RegistrationChanged r) systemd.status(ControlCommands.describe(r.state()));
            if (event instanceof PhoneEvent.NetworkEvent n) LOG.info(() -> CallTags.prefix(CallTags.of(n)) + "network: " + n);
            loop.post(event);
        };
        FrontPanel panel = panels.open(sink, config);
        var simulated = new SimulatedNetwork(sink, Duration.ofMillis(options.script().isPresent() ? 200 : 1000));
        boolean sip = useSip(options);
        Optional<MediaEngine> media = sip ? Optional.of(startMedia(config, sink)) : Optional.empty();
        var network = new SignallingSwitch(sip ? startSipOrWait(config, sink, media.get()) : simulated);
        Audio audio = panel.audio().orElseGet(LoggingAudio::new);
        if (media.isPresent()) audio = panel.audio().isPresent() ? new AudioTee(media.get(), audio) : media.get();
        if (panel.ringer().isPresent()) audio = new PanelAudio(panel.ringer().get(), audio);
        dispatcher.target = new CommandDispatcher(network, audio, panel.display(), store);
        Thread coreThread = loop.start();
        loop.post(new PhoneEvent.Started());

        PhoneDaemon[] self = new PhoneDaemon[1];
        Path socketPath = options.socket().orElse(config.device().controlSocket());
        Optional<ControlServer> control = openControl(socketPath,
                new ControlCommands(loop, clock, () -> self[0].reload(), n -> self[0].flows(n), () -> mediaFigures(media),
                        () -> media.map(MediaEngine::devices)));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sipdesk-watchdog");
            t.setDaemon(true);
            return t;
        });
        SystemdNotifier.watchdogPeriod().ifPresent(period -> watchdog.scheduleAtFixedRate(() -> {
            // Fed only while the core's loop turns: a stuck core makes systemd restart the phone.
            if (loop.healthy(Duration.ofSeconds(5))) systemd.watchdog();
        }, 0, Math.max(1, period.toMillis() / 2), TimeUnit.MILLISECONDS));
        self[0] = new PhoneDaemon(options, loop, coreThread, network, media, sink, audio, panel, control, systemd, watchdog, simulated, config);
        ReloadSignal.install(() -> self[0].reload().ifPresent(LOG::warning));
        // Its own thread: a start that waits on DNS must not hold up the watchdog's pings.
        if (sip) Thread.ofVirtual().name("sip-retry").start(self[0]::retrySipUntilClosed);
        systemd.ready();
        return self[0];
    }

    private static java.util.Map<sipdesk.core.CallId, String> mediaFigures(Optional<MediaEngine> media) {
        var out = new java.util.HashMap<sipdesk.core.CallId, String>();
        media.ifPresent(m -> m.stats().forEach((id, stats) -> out.put(id, stats.toString())));
        return out;
    }

    /** --network sip|sim, or (auto) SIP whenever a configuration file is there to say how. */
    private static boolean useSip(RunOptions options) {
        return switch (options.network()) {
            case "sip" -> true;
            case "sim" -> false;
            default -> Files.exists(options.config());
        };
    }

    private static Signalling startSip(SipdeskConfig config, EventSink sink, MediaEngine media) throws IOException {
        SipAccount account = SipAccounts.from(config);
        LOG.info("network: SIP on port " + account.localPort() + (account.enabled()
                ? ", account " + account.user() + "@" + account.effectiveDomain()
                : ", no account (IP direct calls)"));
        return JainSipSignalling.start(account, sink,
                address -> new MediaDescriptions(media, address, config.account().dtmfMode()));
    }

    /** SIP, or while it cannot start a stand-in that says why; {@link #retrySip} tries again. */
    private static Signalling startSipOrWait(SipdeskConfig config, EventSink sink, MediaEngine media) {
        try {
            return startSip(config, sink, media);
        } catch (IOException e) {
            return unavailable(config, sink, e);
        }
    }

    private static SipUnavailable unavailable(SipdeskConfig config, EventSink sink, IOException e) {
        SipAccount account = SipAccounts.from(config);
        String reason = e.getMessage() != null ? e.getMessage() : e.toString();
        LOG.severe("SIP cannot start: " + reason + "; trying again every " + account.regRetrySeconds() + " s");
        return new SipUnavailable(sink, account.enabled() ? account.effectiveDomain() : "", reason);
    }

    private void retrySipUntilClosed() {
        Duration every = Duration.ofSeconds(SipAccounts.from(config).regRetrySeconds());
        try {
            while (!closed) {
                Thread.sleep(every);
                if (!closed) retrySip();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** While SIP could not start (no network yet at boot, a name that does not resolve): tries again. */
    private synchronized void retrySip() {
        if (closed || !(signalling.current() instanceof SipUnavailable down)) return;
        try {
            signalling.replace(startSip(config, sink, media.orElseThrow()));
            LOG.info("SIP started after: " + down.reason());
        } catch (IOException e) {
            LOG.fine(() -> "SIP still cannot start: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warning("SIP still cannot start: " + e);
        }
    }

    private static MediaEngine startMedia(SipdeskConfig config, EventSink sink) throws IOException {
        String bind = config.values().get(sipdesk.config.Keys.SIP_LOCAL_ADDRESS).orElse("0.0.0.0");
        MediaSetup setup = MediaSetup.from(config, java.net.InetAddress.getByName(bind));
        setup.warnings().forEach(LOG::warning);
        return MediaEngine.start(setup, sink);
    }

    /** The SIP messages of the last {@code calls} calls as F1, F2 ... tables; empty on the simulated network. */
    Optional<String> flows(int calls) {
        return signalling.current() instanceof JainSipSignalling sip ? Optional.of(sip.flows(calls)) : Optional.empty();
    }

    public EventLoop loop() {
        return loop;
    }

    public SimulatedNetwork simulatedNetwork() {
        return simulatedNetwork;
    }

    public Optional<Path> controlSocket() {
        return control.map(ControlServer::path);
    }

    /**
     * Re-reads the config file. A rejected file changes nothing (its errors are logged and
     * returned). A changed account restarts the SIP user agent (its calls end); otherwise calls
     * in progress go on.
     *
     * @return empty when applied, else why not
     */
    public synchronized Optional<String> reload() {
        systemd.reloading();
        try {
            Optional<SipdeskConfig> fresh = loadConfig(options.config(), "reload");
            if (fresh.isEmpty()) return Optional.of(options.config() + " rejected, the running configuration stays (see sipdesk log)");
            SipdeskConfig c = fresh.get();
            SipdeskConfig old = config;
            config = c;
            loop.post(new PhoneEvent.Reconfigured(c.toCallSettings()));
            if (signalling.current() instanceof JainSipSignalling && !SipAccounts.from(c).equals(SipAccounts.from(old))) {
                restartSip(c);
            }
            retrySip(); // SIP that could not start: at once with the new file, not at the next retry
            LOG.info("configuration reloaded from " + options.config());
            return Optional.empty();
        } finally {
            systemd.ready();
        }
    }

    private void restartSip(SipdeskConfig c) {
        LOG.info("the SIP account changed: restarting the user agent");
        // Said before the new agent says anything, so nobody reads the old registration as the new one.
        waitFor(loop.postAndWait(new PhoneEvent.RegistrationChanged(new RegistrationState.Registering(""))));
        Signalling old = signalling.current();
        old.close();
        try {
            signalling.replace(startSip(c, sink, media.orElseThrow()));
        } catch (IOException e) {
            SipUnavailable down = unavailable(c, sink, e);
            signalling.replace(down);
            down.execute(new sipdesk.core.Command.Register());
        }
    }

    private static void waitFor(java.util.concurrent.Future<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warning("the core did not take the registration change in time: " + e);
        }
    }

    /** Waits until the core's thread ends (it ends when the daemon is closed). */
    public void awaitShutdown() throws InterruptedException {
        coreThread.join();
    }

    @Override
    public void close() {
        closed = true;
        systemd.stopping();
        control.ifPresent(ControlServer::close);
        watchdog.shutdownNow();
        signalling.close();
        loop.close();
        try {
            coreThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        audio.close();
        try {
            panel.closer().close();
        } catch (Exception e) {
            LOG.warning("closing the front panel: " + e.getMessage());
        }
    }

    /**
     * Reads the config file. A missing file (simulator) or a rejected one is reported and gives
     * empty: a bad edit must not leave a dead phone, the caller keeps what it had.
     */
    public static Optional<SipdeskConfig> loadConfig(Path file, String hardware) {
        if (!Files.exists(file) && hardware.equals("sim")) {
            LOG.info("no config file at " + file + ": simulator defaults (IP direct)");
            return Optional.of(SipdeskConfig.defaults());
        }
        return switch (ConfigFile.load(file, Strictness.LENIENT)) {
            case ConfigLoad.Loaded l -> {
                l.warnings().forEach(w -> LOG.warning(w.message()));
                yield Optional.of(l.config());
            }
            case ConfigLoad.Rejected r -> {
                r.warnings().forEach(w -> LOG.warning(w.message()));
                r.errors().forEach(e -> LOG.severe(e.message()));
                LOG.severe(file + " rejected, nothing of it applied");
                yield Optional.empty();
            }
        };
    }

    /** The state directory, or memory only when it cannot be used (the phone works, nothing is kept). */
    static StateStore openStore(Path dir) {
        try {
            return FileStateStore.open(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warning("state directory " + dir + " unusable (" + e.getMessage()
                    + "): history and keypad settings are kept in memory only");
            return new MemoryStateStore();
        }
    }

    private static Optional<ControlServer> openControl(Path socket, ControlCommands commands) {
        try {
            return Optional.of(ControlServer.start(socket, commands));
        } catch (IOException | RuntimeException e) {
            LOG.warning("no control socket at " + socket + " (" + e.getMessage() + "): the sipdesk CLI cannot reach this phone");
            return Optional.empty();
        }
    }

    /** Forwards to the real dispatcher once the adapters exist. */
    private static final class LateDispatcher implements java.util.function.Consumer<sipdesk.core.Command> {
        volatile CommandDispatcher target;

        @Override
        public void accept(sipdesk.core.Command c) {
            target.accept(c);
        }
    }

    /** Audio for a phone with no sound path yet: logs what would be heard. */
    static final class LoggingAudio implements Audio {
        @Override
        public void execute(sipdesk.core.Command.AudioCommand command) {
            LOG.fine(() -> "audio: " + command);
        }

        @Override
        public void close() {}
    }

}
