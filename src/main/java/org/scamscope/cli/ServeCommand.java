package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.config.JobConfig;
import org.scamscope.ops.ServerFile;
import org.scamscope.spark.ConnectServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * scamscope serve: a Spark Connect server on the warehouse, in the foreground until it gets SIGTERM
 * or Ctrl-C (or `serve --stop`), for notebooks and any other Spark Connect client on this machine.
 */
final class ServeCommand {
    static final String USAGE = Commands.usage("serve");
    /** How long --stop waits for the server to end after SIGTERM before it kills it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private ServeCommand() {}

    /** @param spark builds the session with the given settings added to the configuration's */
    static int run(List<String> words, CommandLine cl, JobConfig config, Function<Map<String, String>, SparkSession> spark,
                   PrintStream out) {
        return run(words, cl, config, spark, System::getenv, out);
    }

    /** @param env the server's environment */
    static int run(List<String> words, CommandLine cl, JobConfig config, Function<Map<String, String>, SparkSession> spark,
                   Function<String, String> env, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        Path root = config.localWarehouse("serve");
        if (cl.hasOption("stop")) {
            if (cl.hasOption("port") || cl.hasOption("master")) {
                throw ExitCodes.usage("--stop finds the server by its warehouse and takes no --port or --master; usage: " + USAGE);
            }
            return stop(root, out);
        }
        int port = port(cl);
        if (!Files.isDirectory(root)) {
            throw ExitCodes.usage("no warehouse at " + root + " (run the job first, or see --warehouse)");
        }
        Optional<ServerFile> earlier = ServerFile.read(root);
        if (earlier.isPresent() && earlier.get().running()) {
            ServerFile s = earlier.get();
            throw new ScamscopeException(ExitCodes.LOCKED, "a server already serves " + root + ": pid " + s.pid() + " on "
                    + s.host() + ", " + s.url() + " (stop it with scamscope serve --stop --warehouse " + root + ")");
        }
        earlier.ifPresent(s -> deleteStale(root));
        requireFreePort(port);
        // Any client can call Java through SQL (reflect, java_method) with the server's rights, so a key
        // in the server's environment would be one query away. The server needs no key.
        String keyVariable = org.scamscope.pipeline.Pipeline.load(config).setting(config, "pseudonym.key.env", null,
                org.scamscope.table.PersonKey.DEFAULT_ENV);
        if (env.apply(keyVariable) != null) {
            throw ExitCodes.usage(keyVariable + " is set: serve does not start with the pseudonymisation key in its environment, where any"
                    + " client could read it through SQL; start it without (env -u " + keyVariable + " scamscope serve ...)");
        }

        SparkSession session = spark.apply(ConnectServer.settings(port, root));
        ServerFile self = ServerFile.current(ConnectServer.start(session));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            self.removeFrom(root);
            try {
                ConnectServer.stop();
            } catch (RuntimeException e) {
                // Spark's own shutdown hook may have stopped it first.
            }
        }, "scamscope-serve-stop"));
        self.create(root);
        out.println("scamscope serve: Spark Connect at " + self.url() + " on the warehouse " + root);
        out.println("stop it with Ctrl-C, SIGTERM to pid " + self.pid() + ", or scamscope serve --stop --warehouse " + root);
        out.flush();
        try {
            ConnectServer.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    static int port(CommandLine cl) {
        long port = CommandArgs.number(cl, "port", 1, (long) ConnectServer.DEFAULT_PORT);
        if (port > 65535) throw ExitCodes.usage("--port must be a port number from 1 to 65535, got '" + cl.getOptionValue("port") + "'");
        return (int) port;
    }

    /** SIGTERM to the server named in the warehouse's server file; SIGKILL when it has not ended after STOP_WAIT. */
    static int stop(Path root, PrintStream out) {
        Optional<ServerFile> file = ServerFile.read(root);
        if (file.isEmpty()) {
            out.println("no server serves " + root);
            return ExitCodes.OK;
        }
        ServerFile s = file.get();
        if (!s.local()) {
            throw ExitCodes.usage("the server of " + root + " runs on host " + s.host() + " (pid " + s.pid() + "); stop it there");
        }
        Optional<ProcessHandle> process = s.process();
        if (process.isEmpty()) {
            deleteStale(root);
            out.println("no server serves " + root + " (its server file named pid " + s.pid() + ", which has ended; file removed)");
            return ExitCodes.OK;
        }
        ProcessHandle p = process.get();
        p.destroy();
        boolean ended = await(p, STOP_WAIT);
        if (!ended) {
            p.destroyForcibly();
            await(p, Duration.ofSeconds(15));
        }
        // The server removes its file as it ends; not when it was killed.
        s.removeFrom(root);
        out.println("stopped the server of " + root + " (pid " + s.pid() + ", " + s.url() + ")"
                + (ended ? "" : ": killed after " + STOP_WAIT.toSeconds() + " s without ending on SIGTERM"));
        return ExitCodes.OK;
    }

    private static boolean await(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }

    private static void deleteStale(Path root) {
        try {
            Files.deleteIfExists(ServerFile.path(root));
        } catch (IOException e) {
            throw ExitCodes.usage("cannot remove the stale server file " + ServerFile.path(root) + ": " + e.getMessage());
        }
    }

    /** Checked before Spark starts, so a taken port is a one-line error instead of a failed start. */
    static void requireFreePort(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(ConnectServer.HOST, port));
        } catch (IOException e) {
            throw ExitCodes.usage("port " + port + " on " + ConnectServer.HOST + " is taken (another server?); choose another with --port");
        }
    }
}
