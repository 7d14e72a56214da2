import com.sun.jdi.Bootstrap;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;

/**
 * Used by systemd-test.sh, run with the source launcher: {@code java StallThread.java HOST PORT THREAD}.
 * Attaches to a JVM's JDWP port, suspends the one thread of that name (the phone's event loop,
 * sipdesk-core) and keeps it suspended, every other thread running, until the JVM goes away: this
 * is a stuck event loop, made on purpose, to show that the watchdog restarts the phone. Detaching
 * would resume the thread, so this stays attached. Exits 0 when the target JVM disconnects.
 */
public final class StallThread {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java StallThread.java HOST PORT THREAD");
            System.exit(2);
        }
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        var connect = socket.defaultArguments();
        connect.get("hostname").setValue(args[0]);
        connect.get("port").setValue(args[1]);
        VirtualMachine vm = socket.attach(connect);
        ThreadReference thread = vm.allThreads().stream().filter(t -> t.name().equals(args[2])).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + args[2]));
        thread.suspend();
        System.out.println("suspended thread " + args[2] + " of " + vm.name() + " " + vm.version());
        System.out.flush();
        try {
            while (true) vm.eventQueue().remove().resume();
        } catch (VMDisconnectedException e) {
            System.out.println("the target JVM went away");
        }
    }
}
