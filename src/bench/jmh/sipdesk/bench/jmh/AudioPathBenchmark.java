package sipdesk.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sipdesk.media.codec.G711Codec;
import sipdesk.media.codec.G722Codec;
import sipdesk.media.jitter.JitterBuffer;
import sipdesk.media.tone.Mixer;

/**
 * The steady-state audio path, one 20 ms frame per operation: run with {@code -prof gc} to see
 * bytes allocated per operation (the target is about 0 B/op). See src/bench/run-jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AudioPathBenchmark {
    private final G711Codec pcmu = G711Codec.pcmu();
    private final G722Codec g722 = new G722Codec();
    private final short[] narrow = new short[160];
    private final short[] wide = new short[320];
    private final short[] out = new short[320];
    private final short[] beep = new short[320];
    private final byte[] payload = new byte[160];
    private final byte[] jitterOut = new byte[160];
    private final Mixer mixer = new Mixer(320);
    private JitterBuffer jitter;
    private int seq;
    private long timestamp;
    private long arrival;

    @Setup
    public void setUp() {
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            beep[i] = (short) (3000 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        System.arraycopy(wide, 0, narrow, 0, narrow.length);
        jitter = JitterBuffer.forTwentyMsFrames(8000, 160);
        pcmu.encode(narrow, 0, narrow.length, payload, 0);
    }

    @Benchmark
    public int g711EncodeDecode() {
        int n = pcmu.encode(narrow, 0, narrow.length, payload, 0);
        return pcmu.decode(payload, 0, n, out, 0);
    }

    @Benchmark
    public int g722EncodeDecode() {
        int n = g722.encode(wide, 0, wide.length, payload, 0);
        return g722.decode(payload, 0, n, out, 0);
    }

    /** One packet in, one frame out, in step with the sender: the buffer's steady state. */
    @Benchmark
    public int jitterBufferPutGet() {
        jitter.put(0x1234L, seq++ & 0xFFFF, timestamp, payload, 0, payload.length, arrival);
        timestamp += 160;
        arrival += 20_000_000L;
        return jitter.get(jitterOut, 0);
    }

    @Benchmark
    public short[] mixCallWaitingBeepOverVoice() {
        mixer.begin(320);
        mixer.add(wide, 0);
        mixer.add(beep, 0);
        mixer.finish(out, 0);
        return out;
    }
}
