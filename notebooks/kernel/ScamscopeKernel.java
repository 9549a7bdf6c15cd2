package org.scamscope.notebooks;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the rapaio Java kernel (io.github.padreati:rapaio-jupyter-kernel 3.0.1) on a Jupyter connection
 * file as its own MainApp does, around two races of its start that leave a kernel which never answers
 * (seen in about one start in three on a busy machine; Jupyter then gives up on it):
 * <ul>
 * <li>The shell and control loops start before the message handlers are registered: a request landing in
 *     between (Jupyter sends kernel_info_request at once) kills the loop with a NullPointerException. With
 *     an empty handler table set beforehand, it is only logged as unhandled, and Jupyter asks again.</li>
 * <li>A loop thread is started before it is marked running, so a thread that runs at once sees itself
 *     stopped and ends. Each channel's loop thread that ended so is started again, with the same body,
 *     until it stays up.</li>
 * </ul>
 * Compiled by bin/notebooks kernel into the kernel spec's folder; argument: the connection file.
 */
public final class ScamscopeKernel {
    /** How long after connecting a loop thread can still have ended by the second race. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final List<String> LOOPED_CHANNELS = List.of("heartbeat", "shell", "control");

    private ScamscopeKernel() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: ScamscopeKernel CONNECTION_FILE");
        // The kernel logs every message at INFO to standard error, which Jupyter shows; warnings are enough.
        Logger.getLogger("").setLevel(Level.WARNING);
        ConnectionProperties connection = Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
        Channels channels = new Channels(connection);
        field(Channels.class, "handlers").set(channels, new HashMap<>());
        channels.connect(MainApp.kernel);
        Instant settled = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(settled) && !channels.isMarkedForShutdown()) {
            for (String name : LOOPED_CHANNELS) restartIfEnded(field(Channels.class, name).get(channels));
            Thread.sleep(50);
        }
        channels.joinUntilClose();
    }

    private static void restartIfEnded(Object channel) throws ReflectiveOperationException {
        Field loopField = field(channel.getClass(), "loopThread");
        LoopThread loop = (LoopThread) loopField.get(channel);
        if (loop == null || loop.isAlive()) return;
        LoopThread again = new LoopThread(loop.getName(), (long) field(LoopThread.class, "sleep").get(loop),
                (Runnable) field(LoopThread.class, "loopBody").get(loop));
        loopField.set(channel, again);
        again.start();
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
