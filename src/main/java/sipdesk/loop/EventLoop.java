package sipdesk.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.core.CallControl;
import sipdesk.core.Command;
import sipdesk.core.PhoneEvent;
import sipdesk.core.TimerId;
import sipdesk.core.port.EventSink;

/**
 * The one thread that owns the core. Adapters {@link #post} events from any thread; the loop
 * hands them to the core one at a time and passes the resulting commands to the dispatcher.
 * Timers the core asks for are kept here and come back as {@link PhoneEvent.TimerExpired}.
 */
public final class EventLoop implements EventSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

    /** A timer firing; {@code generation} tells a restarted timer from its stale predecessor. */
    private record TimerFire(TimerId timer, long generation) {}

    private record Stop() {}

    /** Work that must run on the core's thread (queries and control requests). */
    private record Task(Runnable work) {}

    private final CallControl core;
    private final Consumer<Command> dispatcher;
    private final Clock clock;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(10_000);
    private final ScheduledExecutorService timerThread;
    private final Map<TimerId, Long> generations = new HashMap<>();
    private final Map<TimerId, ScheduledFuture<?>> pending = new HashMap<>();
    private long nextGeneration;
    private volatile Instant lastTurn;
    private volatile boolean running;

    public EventLoop(CallControl core, Consumer<Command> dispatcher, Clock clock) {
        this.core = core;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.lastTurn = clock.instant();
        this.timerThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sipdesk-timers");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void post(PhoneEvent event) {
        if (!queue.offer(event)) LOG.warning("event queue full, dropped " + event);
    }

    /** Runs the loop on the calling thread until {@link #close()}. */
    public void run() {
        running = true;
        try {
            while (running) {
                Object item = queue.poll(1, TimeUnit.SECONDS);
                lastTurn = clock.instant();
                if (item == null) continue;
                switch (item) {
                    case Stop s -> running = false;
                    case TimerFire f -> {
                        if (Long.valueOf(f.generation()).equals(generations.get(f.timer()))) {
                            generations.remove(f.timer());
                            pending.remove(f.timer());
                            turn(new PhoneEvent.TimerExpired(f.timer()));
                        }
                    }
                    case PhoneEvent e -> turn(e);
                    case Task t -> t.work().run();
                    default -> LOG.warning("unknown queue item " + item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    /**
     * Handles {@code event} on the core's thread like {@link #post}, and completes with the
     * commands it caused (after they were dispatched): the control socket reports refusals this way.
     */
    public CompletableFuture<List<Command>> postAndWait(PhoneEvent event) {
        var result = new CompletableFuture<List<Command>>();
        if (!queue.offer(new Task(() -> result.complete(turn(event))))) {
            result.completeExceptionally(new IllegalStateException("event queue full"));
        }
        return result;
    }

    /** Reads something from the core on its own thread. */
    public <T> CompletableFuture<T> query(Function<CallControl, T> question) {
        var result = new CompletableFuture<T>();
        if (!queue.offer(new Task(() -> {
            try {
                result.complete(question.apply(core));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }))) {
            result.completeExceptionally(new IllegalStateException("event queue full"));
        }
        return result;
    }

    /** Starts the loop on a thread of its own. */
    public Thread start() {
        Thread t = new Thread(this::run, "sipdesk-core");
        t.start();
        return t;
    }

    /** True while the loop turns: the systemd watchdog is only fed when this holds. */
    public boolean healthy(Duration maxSilence) {
        return running && Duration.between(lastTurn, clock.instant()).compareTo(maxSilence) <= 0;
    }

    private List<Command> turn(PhoneEvent event) {
        List<Command> commands;
        try {
            commands = core.handle(event);
        } catch (RuntimeException e) {
            // A bug in the core must not take the phone down: log it and go on with the next event.
            LOG.log(Level.SEVERE, "core failed on " + event, e);
            return List.of();
        }
        for (Command c : commands) {
            switch (c) {
                case Command.StartTimer t -> schedule(t.timer(), t.delay());
                case Command.CancelTimer t -> cancel(t.timer());
                default -> {
                    try {
                        dispatcher.accept(c);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "adapter failed on " + c, e);
                    }
                }
            }
        }
        return commands;
    }

    private void schedule(TimerId timer, Duration delay) {
        cancel(timer);
        long generation = ++nextGeneration;
        generations.put(timer, generation);
        pending.put(timer, timerThread.schedule(() -> queue.offer(new TimerFire(timer, generation)),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
    }

    private void cancel(TimerId timer) {
        generations.remove(timer);
        ScheduledFuture<?> f = pending.remove(timer);
        if (f != null) f.cancel(false);
    }

    @Override
    public void close() {
        queue.offer(new Stop());
        timerThread.shutdownNow();
    }
}
