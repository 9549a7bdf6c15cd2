package org.scamscope.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scamscope.spark.SparkSessions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warehouse on HDFS whose NameNode does not answer (a port where nothing listens): a run, and the
 * commands that need an existing warehouse, say so in one line naming it, exit 2, and start no Spark.
 */
class UnreachableWarehouseTest {
    @ParameterizedTest
    @ValueSource(strings = {"run", "audit", "release", "maintain"})
    void aWarehouseWhoseFileSystemDoesNotAnswerIsAUsageErrorOfOneLine(String command, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String warehouse = "hdfs://127.0.0.1:" + port + "/warehouse";
        int sessions = SparkSessions.requests();
        TableFixtures.Outcome o = switch (command) {
            case "release" -> TableFixtures.main(command, "--warehouse", warehouse, "--out", dir.resolve("release").toString());
            case "run" -> TableFixtures.main(command, "--warehouse", warehouse, "--input", org.scamscope.JobRunner.FIXTURES.resolve("basic").toString());
            default -> TableFixtures.main(command, "--warehouse", warehouse);
        };
        assertEquals(2, o.code(), o.err());
        String err = o.err().strip();
        String prefix = "scamscope: cannot reach warehouse " + warehouse + ": ";
        assertTrue(err.startsWith(prefix), err);
        assertFalse(err.substring(prefix.length()).startsWith("cannot reach"), "the reason is the file system's, said once: " + err);
        assertTrue(err.contains("Connection refused"), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertEquals(sessions, SparkSessions.requests(), "no Spark session was asked for");
    }
}
