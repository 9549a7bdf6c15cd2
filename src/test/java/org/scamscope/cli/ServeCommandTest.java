package org.scamscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.ops.ServerFile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.cli.TableFixtures.main;

/** serve's arguments and --stop; everything here is decided before Spark would start. */
class ServeCommandTest {
    @TempDir
    Path wh;

    @Test
    void aPortOutsideOneTo65535IsAUsageError() {
        for (String port : new String[] {"0", "65536", "abc", "-1"}) {
            TableFixtures.Outcome o = main("serve", "--warehouse", wh.toString(), "--port", port);
            assertEquals(2, o.code(), port + ": " + o.err());
            assertTrue(o.err().contains("--port must be"), o.err());
        }
    }

    @Test
    void aMissingWarehouseOrAnExtraWordIsAUsageError() {
        TableFixtures.Outcome missing = main("serve", "--warehouse", wh.resolve("none").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("no warehouse at " + wh.resolve("none")), missing.err());
        TableFixtures.Outcome extra = main("serve", "gold/x", "--warehouse", wh.toString());
        assertEquals(2, extra.code(), extra.err());
        assertTrue(extra.err().contains("unexpected argument 'gold/x'"), extra.err());
        TableFixtures.Outcome stopWithPort = main("serve", "--stop", "--port", "15003", "--warehouse", wh.toString());
        assertEquals(2, stopWithPort.code(), stopWithPort.err());
    }

    @Test
    void aTakenPortIsAUsageErrorNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            TableFixtures.Outcome o = main("serve", "--warehouse", wh.toString(), "--port", Integer.toString(port));
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("port " + port + " on 127.0.0.1 is taken"), o.err());
        }
        assertFalse(Files.exists(ServerFile.path(wh)));
    }

    @Test
    void aWarehouseAServerServesIsRefusedWithExitFour() {
        ServerFile.current(15002).create(wh);  // this JVM stands for a running server
        TableFixtures.Outcome o = main("serve", "--warehouse", wh.toString(), "--port", "1");
        assertEquals(4, o.code(), o.err());
        assertTrue(o.err().contains("a server already serves " + wh + ": pid " + ProcessHandle.current().pid()), o.err());
        assertTrue(Files.exists(ServerFile.path(wh)), "the running server's file stays");
    }

    @Test
    void stopWithoutAServerSaysSoAndSucceeds() {
        TableFixtures.Outcome o = main("serve", "--stop", "--warehouse", wh.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("no server serves " + wh + "\n", o.out());
    }

    @Test
    void stopRemovesTheFileOfAServerThatHasEnded() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
        new ServerFile(ended.pid(), ServerFile.current(1).host(), 15002, "").create(wh);
        TableFixtures.Outcome o = main("serve", "--stop", "--warehouse", wh.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("which has ended; file removed"), o.out());
        assertFalse(Files.exists(ServerFile.path(wh)));
    }

    /** A process whose pid and start time are in the server file gets SIGTERM and ends; the file goes. */
    @Test
    void stopEndsTheProcessTheFileNames() throws Exception {
        Process server = new ProcessBuilder("sleep", "120").start();
        try {
            ServerFile file = new ServerFile(server.pid(), ServerFile.current(1).host(), 15002,
                    server.toHandle().info().startInstant().orElseThrow().toString());
            file.create(wh);
            TableFixtures.Outcome o = main("serve", "--stop", "--warehouse", wh.toString());
            assertEquals(0, o.code(), o.err());
            assertEquals("stopped the server of " + wh + " (pid " + server.pid() + ", sc://127.0.0.1:15002)\n", o.out());
            assertTrue(server.waitFor(5, TimeUnit.SECONDS), "ended");
            assertEquals(143, server.exitValue(), "ended by SIGTERM");
            assertFalse(Files.exists(ServerFile.path(wh)));
        } finally {
            server.destroyForcibly();
        }
    }

    /** A reused pid: the file's start time is not the running process's, so that process is left alone. */
    @Test
    void stopLeavesAloneAProcessThatMerelyHasTheSamePid() throws Exception {
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            new ServerFile(other.pid(), ServerFile.current(1).host(), 15002, "2001-01-01T00:00:00Z").create(wh);
            TableFixtures.Outcome o = main("serve", "--stop", "--warehouse", wh.toString());
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().startsWith("no server serves " + wh), o.out());
            assertTrue(other.isAlive());
            assertFalse(Files.exists(ServerFile.path(wh)));
        } finally {
            other.destroyForcibly();
        }
    }

    /** The tests run with the key set (pom.xml), as a user who runs the job would: serve refuses, before Spark starts. */
    @Test
    void theKeyInTheServersEnvironmentIsRefusedBeforeSparkStarts() throws IOException {
        assertTrue(System.getenv("SCAMSCOPE_PSEUDONYM_KEY") != null, "the test environment sets the key");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int sessions = org.scamscope.spark.SparkSessions.requests();
        TableFixtures.Outcome o = main("serve", "--warehouse", wh.toString(), "--port", Integer.toString(port));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("SCAMSCOPE_PSEUDONYM_KEY is set: serve does not start with the pseudonymisation key in its environment"), o.err());
        assertEquals(sessions, org.scamscope.spark.SparkSessions.requests(), "no Spark session was asked for");
        assertFalse(Files.exists(org.scamscope.ops.ServerFile.path(wh)), "no server file");
    }
}
