package sipdesk.media;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Asks Linux to run the calling media thread ahead of ordinary threads, as a desk phone's audio
 * thread is run: SCHED_FIFO at a modest priority (10; PipeWire asks for 88 and rtkit allows up to 20,
 * threaded interrupts run at 50) and a 1 ns timer slack (the default 50 us slack lets the kernel
 * wake us late to batch timers). A thread of ours that runs 0.2 ms every 20 ms then no longer waits
 * behind the SIP stack, the JIT compilers or another program for a CPU: that wait, up to tens of
 * milliseconds on a busy 2-core machine, was what spoiled the RTP send pacing.
 *
 * <p>Without the right (no CAP_SYS_NICE, RLIMIT_RTPRIO 0, or systemd's RestrictRealtime=yes) the
 * thread stays an ordinary one and the phone says so in one log line; nothing else changes. A
 * SCHED_FIFO thread that never blocked would starve others on its core: the kernel's RT throttling
 * (sched_rt_runtime_us, 95 % by default) still leaves them 50 ms a second, and the media loop blocks
 * on its device or its frame clock every 20 ms.
 *
 * <p>The setting is per thread (Linux schedules threads): call it from the thread itself.
 */
public final class RealtimePriority {

    private static final Logger LOG = Logger.getLogger(RealtimePriority.class.getName());
    /** The priority asked for unless {@code -Dsipdesk.media.rtprio=N} says otherwise (0: do not ask). */
    static final int DEFAULT_PRIORITY = 10;
    static final int EPERM = 1;
    private static final AtomicBoolean REFUSAL_LOGGED = new AtomicBoolean();

    /** The kernel calls this needs, each for the calling thread: the JNA binding, or a fake in tests. */
    interface Kernel {
        /** sched_setscheduler(0, SCHED_FIFO, {priority}): 0, or the errno. */
        int setFifo(int priority);

        /** The soft RLIMIT_RTPRIO (the highest priority allowed without CAP_SYS_NICE), or -1 if unknown. */
        long rtprioLimit();

        /** prctl(PR_SET_TIMERSLACK, nanos): 0, or the errno. */
        int setTimerSlack(long nanos);
    }

    /** What the thread got. */
    public sealed interface Outcome {
        String describe();
    }

    public record Granted(int priority) implements Outcome {
        @Override
        public String describe() {
            return "real-time scheduling SCHED_FIFO priority " + priority + ", timer slack 1 ns";
        }
    }

    public record Refused(String reason) implements Outcome {
        @Override
        public String describe() {
            return "no real-time scheduling (" + reason + "): ordinary priority, RTP pacing suffers when the CPU is busy";
        }
    }

    private RealtimePriority() {
    }

    /** For the calling thread, with the priority of {@code sipdesk.media.rtprio}; logs what it got. */
    public static Outcome forCurrentThread() {
        int priority = Integer.getInteger("sipdesk.media.rtprio", DEFAULT_PRIORITY);
        Outcome outcome;
        try {
            outcome = priority <= 0 ? new Refused("sipdesk.media.rtprio=" + priority)
                    : !Platform.isLinux() ? new Refused("not Linux") : request(LibC.kernel(), priority);
        } catch (LinkageError | RuntimeException e) { // no JNA native part for this machine, or no libc
            outcome = new Refused("JNA cannot call libc: " + e.getMessage());
        }
        String name = Thread.currentThread().getName();
        switch (outcome) {
            case Granted g -> LOG.info(() -> name + ": " + g.describe());
            case Refused r -> {
                // One line per process: a Pi without the right says it once, not per thread or call.
                if (REFUSAL_LOGGED.compareAndSet(false, true)) LOG.info(name + ": " + r.describe());
            }
        }
        return outcome;
    }

    /**
     * Asks for SCHED_FIFO at {@code priority}; where only a lower one is allowed (RLIMIT_RTPRIO, systemd's
     * LimitRTPRIO=), takes that. The timer slack is set either way: it needs no right.
     */
    static Outcome request(Kernel kernel, int priority) {
        kernel.setTimerSlack(1);
        int errno = kernel.setFifo(priority);
        if (errno == 0) return new Granted(priority);
        if (errno != EPERM) return new Refused("sched_setscheduler: errno " + errno);
        long limit = kernel.rtprioLimit();
        if (limit > 0 && limit < priority && kernel.setFifo((int) limit) == 0) return new Granted((int) limit);
        return new Refused("not permitted: RLIMIT_RTPRIO is " + (limit < 0 ? "unknown" : limit)
                + " and no CAP_SYS_NICE; under systemd give the unit LimitRTPRIO=" + priority
                + " and do not set RestrictRealtime=yes");
    }

    /** glibc, through JNA (already on the class path for sd_notify and Pi4J). */
    interface LibC extends Library {
        int SCHED_FIFO = 1;
        int PR_SET_TIMERSLACK = 29;
        int RLIMIT_RTPRIO = 14;

        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

        int prctl(int option, NativeLong arg2, NativeLong arg3, NativeLong arg4, NativeLong arg5) throws LastErrorException;

        int getrlimit(int resource, RLimit limit) throws LastErrorException;

        /** struct rlimit: two rlim_t, an unsigned long on both 32- and 64-bit Raspberry Pi OS. */
        @Structure.FieldOrder({"current", "maximum"})
        final class RLimit extends Structure {
            public NativeLong current;
            public NativeLong maximum;
        }

        static Kernel kernel() {
            LibC c = Native.load("c", LibC.class);
            NativeLong zero = new NativeLong(0);
            return new Kernel() {
                @Override
                public int setFifo(int priority) {
                    try {
                        c.sched_setscheduler(0, SCHED_FIFO, new int[] {priority}); // pid 0: the calling thread
                        return 0;
                    } catch (LastErrorException e) {
                        return e.getErrorCode();
                    }
                }

                @Override
                public long rtprioLimit() {
                    try {
                        RLimit limit = new RLimit();
                        c.getrlimit(RLIMIT_RTPRIO, limit);
                        return limit.current.longValue();
                    } catch (LastErrorException e) {
                        return -1;
                    }
                }

                @Override
                public int setTimerSlack(long nanos) {
                    try {
                        c.prctl(PR_SET_TIMERSLACK, new NativeLong(nanos), zero, zero, zero);
                        return 0;
                    } catch (LastErrorException e) {
                        return e.getErrorCode();
                    }
                }
            };
        }
    }
}
