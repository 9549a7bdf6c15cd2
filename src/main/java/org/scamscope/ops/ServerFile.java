package org.scamscope.ops;

import org.scamscope.ExitCodes;
import org.scamscope.spark.ConnectServer;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * &lt;warehouse&gt;/_scamscope.serve: written by a running `scamscope serve` once it listens, removed when
 * it ends. It says which process serves the warehouse on which port, so `serve --stop` and a second
 * `serve` can find it. The process's start time guards against a pid the system has since reused.
 */
public record ServerFile(long pid, String host, int port, String processStart) {
    public static final String FILE = "_scamscope.serve";

    public static Path path(Path warehouse) {
        return warehouse.resolve(FILE);
    }

    /** This process, listening on port. */
    public static ServerFile current(int port) {
        ProcessHandle self = ProcessHandle.current();
        return new ServerFile(self.pid(), hostName(), port, start(self));
    }

    /** The file's content, or empty when there is none. */
    public static Optional<ServerFile> read(Path warehouse) {
        Path file = path(warehouse);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return Optional.of(new ServerFile(Long.parseLong(p.getProperty("pid", "").trim()), p.getProperty("host", ""),
                    Integer.parseInt(p.getProperty("port", "").trim()), p.getProperty("process_start", "")));
        } catch (NumberFormatException e) {
            throw ExitCodes.usage(file + " is not a server file of scamscope (no pid or port); remove it if no server runs");
        }
    }

    /** Written only when no file is there (a live server's file is never overwritten). */
    public void create(Path warehouse) {
        Path file = path(warehouse);
        String text = "# scamscope serve: the process serving this warehouse; removed when it ends\n"
                + "pid=" + pid + "\nhost=" + host + "\nport=" + port + "\nprocess_start=" + processStart + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw ExitCodes.usage(file + " appeared while this server started: another server serves the warehouse");
        } catch (IOException e) {
            throw ExitCodes.usage("cannot write " + file + " (is the warehouse writable?): " + e.getMessage());
        }
    }

    /** Removes the warehouse's file if it is this entry's (a newer server's file stays). */
    public void removeFrom(Path warehouse) {
        try {
            if (read(warehouse).filter(this::equals).isPresent()) Files.deleteIfExists(path(warehouse));
        } catch (IOException | RuntimeException e) {
            // Left behind, it is recognised as stale by the next serve or serve --stop.
        }
    }

    /** Whether the server runs (or ran) on this host. */
    public boolean local() {
        return host.equals(hostName());
    }

    /** The process it names, while that process (not a later one given the same pid) still runs on this host. */
    public Optional<ProcessHandle> process() {
        if (!local()) return Optional.empty();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> processStart.isEmpty() || processStart.equals(start(h)));
    }

    /** Whether it names a server that still runs; on another host that cannot be told, so it is assumed. */
    public boolean running() {
        return !local() || process().isPresent();
    }

    public String url() {
        return "sc://" + ConnectServer.HOST + ":" + port;
    }

    private static String start(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toString).orElse("");
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
