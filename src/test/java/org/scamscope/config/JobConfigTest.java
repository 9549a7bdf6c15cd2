package org.scamscope.config;

import org.junit.jupiter.api.Test;
import org.scamscope.ScamscopeException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobConfigTest {
    static JobConfig with(String input, String warehouse) {
        Map<String, String> o = new HashMap<>();
        o.put("input", input);
        o.put("warehouse", warehouse);
        return JobConfig.load(JobConfig.defaultFile(), o);
    }

    @Test
    void foldersAreAbsoluteAndFileUrlsNameFolders() {
        JobConfig c = with("data/sample", "file:///tmp/scamscope-wh");
        assertEquals(Path.of("data/sample").toAbsolutePath().normalize(), c.input().local());
        assertEquals(Path.of("/tmp/scamscope-wh"), c.warehouse().local());
    }

    @Test
    void urlsOfFileSystemsHadoopDoesNotHaveHereAreRefusedRatherThanWrittenToALocalFolderOfThatName() {
        ScamscopeException e = assertThrows(ScamscopeException.class, () -> with("data/sample", "gs://bucket/warehouse").warehouse());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("warehouse gs://bucket/warehouse: this installation has no Hadoop file system for gs://"), e.getMessage());
        assertEquals(2, assertThrows(ScamscopeException.class,
                () -> with("abfss://in@account.dfs.core.windows.net/x", "wh").input()).exitCode());
    }

    @Test
    void anHdfsUrlNamesAFolderOnThatFileSystem() {
        JobConfig c = with("hdfs://namenode:8020/in put", "hdfs://namenode:8020/wh/");
        assertEquals(null, c.input().local());
        assertEquals("hdfs://namenode:8020/in put", c.input().toString());
        assertEquals("hdfs://namenode:8020/wh/silver/victims", c.warehouse().resolve("silver/victims").toString());
        assertEquals(2, assertThrows(ScamscopeException.class, () -> with("data/sample", "hdfs:/no-namenode").warehouse()).exitCode());
    }

    @Test
    void aSizeInMegabytesTakesADecimalNumberAndRefusesANegativeOrAWord() {
        Map<String, String> o = new HashMap<>();
        o.put("small_input.max_mb", "0.002");
        assertEquals(0.002, JobConfig.load(JobConfig.defaultFile(), o).getNonNegative("small_input.max_mb", 64));
        assertEquals(64.0, JobConfig.load(JobConfig.defaultFile(), Map.of()).getNonNegative("no.such.setting", 64));
        for (String bad : new String[] {"-1", "lots", "NaN", "Infinity"}) {
            o.put("small_input.max_mb", bad);
            JobConfig c = JobConfig.load(JobConfig.defaultFile(), o);
            ScamscopeException e = assertThrows(ScamscopeException.class, () -> c.getNonNegative("small_input.max_mb", 64), bad);
            assertEquals(2, e.exitCode());
            assertEquals("setting 'small_input.max_mb' must be a number of 0 or more, got '" + bad + "'", e.getMessage());
        }
    }
}
