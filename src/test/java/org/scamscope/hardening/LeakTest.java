package org.scamscope.hardening;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.pipeline.WarehouseScan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names, passport and phone numbers in Khmer, Burmese, Thai, Chinese, Vietnamese and Latin script
 * (fixtures/identifying, plus a Parquet file made here), in good rows and in every kind of bad one:
 * a rule broken, a duplicate, a row with a field too many, a file without header, a file with an
 * unexpected column, a semicolon-separated file. After a run with gold, none of them may be found
 * in any file under the warehouse, in the JSON summary, in what the command printed, or in any
 * log line of the run, captured at INFO for every logger (stricter than the shipped WARN).
 */
class LeakTest {
    static final Path FIXTURE = JobRunner.FIXTURES.resolve("identifying");
    /** Each person's name, passport number and phone number, as the fixture writes them. */
    static final List<List<String>> PEOPLE = List.of(
            List.of("សុខ ចាន់ថា", "N0123456", "+855 12 345 678"),
            List.of("အောင်ကျော်ဝင်း", "MA123456", "+95 9 421 234 567"),
            List.of("สมชาย ใจดี", "AA1234567", "+66 81 234 5678"),
            List.of("李娜", "E12345678", "+86 138 0013 8000"),
            List.of("Nguyễn Thị Hoa", "C7654321", "+84 912 345 678"),
            List.of("Santos, Maria", "P1234567A", "+63 917 123 4567"));

    @TempDir
    static Path tmp;
    static Path input;
    static Path warehouse;
    static Path json;
    static int exitCode;
    static String printed;
    static final List<String> logLines = new ArrayList<>();

    @BeforeAll
    static void run() throws IOException {
        input = JobRunner.copyFolder(FIXTURE, tmp.resolve("input"));
        writePartnerParquet(input.resolve("victims/partner.parquet"));
        warehouse = tmp.resolve("warehouse");
        json = tmp.resolve("summary.json");
        Path config = tmp.resolve("scamscope.properties");
        Path conf = Path.of("conf").toAbsolutePath();
        Files.writeString(config, Files.readString(conf.resolve("scamscope.properties"))
                .replace("reference=../data/reference", "reference=" + conf.resolveSibling("data").resolve("reference"))
                .replace("pipeline=pipeline.json", "pipeline=" + conf.resolve("pipeline.json"))
                + "\nquarantine.max_share=1.0\nquarantine.max_share.victims=1.0\nspark.sql.shuffle.partitions=2\n"
                + "spark.databricks.delta.snapshotPartitions=2\n");
        TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogCapture logs = new LogCapture()) {
            exitCode = org.scamscope.cli.Main.execute(new String[] {"run", "--config", config.toString(), "--input", input.toString(),
                    "--warehouse", warehouse.toString(), "--json-summary", json.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            logLines.addAll(logs.lines());
        }
        printed = out.toString(StandardCharsets.UTF_8);
    }

    /** Two more people, in a partner's Parquet export; the second row breaks a rule. */
    private static void writePartnerParquet(Path target) throws IOException {
        StructType schema = new StructType();
        for (String c : List.of("victim_id", "source", "victim_type", "registration_date", "name", "passport_number", "phone")) {
            schema = schema.add(c, DataTypes.StringType);
        }
        Path dir = tmp.resolve("parquet-out");
        TestSpark.session().createDataFrame(List.of(
                RowFactory.create("P1", "partner", "forced_scam_worker", "2023-07-01", "李娜", "E12345678", "+86 138 0013 8000"),
                RowFactory.create("P2", "partner", "volunteer", "2023-07-02", "Nguyễn Thị Hoa", "C7654321", "+84 912 345 678")),
                schema).coalesce(1).write().parquet(dir.toString());
        try (Stream<Path> s = Files.list(dir)) {
            Files.move(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow(), target);
        }
    }

    /** Every way an identifying value could be written: as given, and as the person key normalises it. */
    static List<String> needles() {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> person : PEOPLE) {
            for (String v : person) {
                out.add(v);
                out.add(v.replace(" ", ""));
                out.add(Normalizer.normalize(v, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", ""));
            }
            out.add(person.get(0).replace(", ", " "));
        }
        return new ArrayList<>(out);
    }

    @Test
    void theRunSucceedsWithEveryKindOfRowInIt() throws IOException {
        assertEquals(0, exitCode, printed);
        // 7 + 2 + 1 + 2 (file without header: both lines) + 2 (Parquet) victims rows; the malformed,
        // the duplicate, the broken rules and the three refused files are in the quarantine.
        assertTrue(Files.readString(json).contains("\"rows_read\" : 14"), Files.readString(json));
        assertEquals(List.of("C1|hotline|2023-04-11", "K1|hotline|2023-01-10", "L1|hotline|2023-06-10", "M1|hotline|2023-02-10",
                        "P1|partner|2023-07-01"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source", "registration_date"));
        assertEquals(List.of("victims/hotline.csv|3|age_range", "victims/hotline.csv|4|duplicate", "victims/hotline.csv|5|malformed_row",
                        "victims/no_header.csv|1|file_layout", "victims/no_header.csv|2|file_layout", "victims/partner.parquet|2|victim_type_allowed",
                        "victims/semicolon.csv|1|file_layout", "victims/semicolon.csv|2|file_layout", "victims/with_notes.csv|1|file_layout"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), "source_file", "source_row", "rule"));
        assertTrue(Files.isDirectory(warehouse.resolve("gold/region_year_overview/_delta_log")), "gold was written");
    }

    @Test
    void theNeedlesAreThereToFindInTheInput() {
        // The scan finds each value as the input writes it (a scan that finds nothing anywhere proves nothing).
        List<String> found = WarehouseScan.find(input, needles());
        for (List<String> person : PEOPLE) for (String v : person) assertTrue(found.stream().anyMatch(f -> f.startsWith(v + " in ")), v);
        assertFalse(WarehouseScan.find(warehouse.resolve("silver/compounds"), List.of("KK Park")).isEmpty(), "the scan reads Parquet values");
    }

    @Test
    void noIdentifyingValueIsInAnyFileOfTheWarehouse() {
        assertEquals(List.of(), WarehouseScan.find(warehouse, needles()));
    }

    @Test
    void noIdentifyingValueIsInTheSummaryOrWhatThePrinted() throws IOException {
        String summary = Files.readString(json);
        assertEquals(List.of(), needles().stream().filter(n -> summary.contains(n) || printed.contains(n)).toList());
    }

    @Test
    void noIdentifyingValueIsInAnyLogLine() {
        assertTrue(logLines.size() > 50, "the run logged " + logLines.size() + " lines at INFO");
        assertTrue(logLines.stream().anyMatch(l -> l.contains("victims: 14 rows read")), "the job's own lines are captured");
        List<String> leaks = new ArrayList<>();
        for (String line : logLines) for (String n : needles()) if (line.contains(n)) leaks.add(n + " in: " + line);
        assertEquals(List.of(), leaks);
    }

    /**
     * Every log event of every logger at INFO and above, with its exception, while open; and what
     * goes straight to standard error or output.
     */
    static final class LogCapture implements AutoCloseable {
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final AbstractAppender appender;
        private final PrintStream err = System.err;
        private final PrintStream out = System.out;
        private final ByteArrayOutputStream direct = new ByteArrayOutputStream();

        LogCapture() {
            appender = new AbstractAppender("leak-capture", null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent e) {
                    StringBuilder b = new StringBuilder(e.getLoggerName()).append(": ").append(e.getMessage().getFormattedMessage());
                    if (e.getThrown() != null) {
                        StringWriter w = new StringWriter();
                        e.getThrown().printStackTrace(new PrintWriter(w));
                        b.append('\n').append(w);
                    }
                    lines.add(b.toString());
                }
            };
            appender.start();
            Configuration config = context.getConfiguration();
            config.addAppender(appender);
            LoggerConfig root = config.getRootLogger();
            root.setLevel(Level.INFO);
            // Loggers with a level of their own (Spark's noisy ones set to ERROR) are opened up as well;
            // the lines go to the capture alone, not to the console as well.
            Set<LoggerConfig> all = new LinkedHashSet<>(config.getLoggers().values());
            all.add(root);
            for (LoggerConfig l : all) {
                for (String other : List.copyOf(l.getAppenders().keySet())) l.removeAppender(other);
                l.addAppender(appender, Level.ALL, null);
                if (l != root && l.getLevel() != null && l.getLevel().isMoreSpecificThan(Level.INFO)) l.setLevel(Level.INFO);
            }
            context.updateLoggers();
            PrintStream capture = new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    direct.write(b);
                }
            }, true, StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
        }

        List<String> lines() {
            List<String> all = new ArrayList<>(lines);
            all.addAll(direct.toString(StandardCharsets.UTF_8).lines().toList());
            return all;
        }

        @Override
        public void close() {
            System.setErr(err);
            System.setOut(out);
            appender.stop();
            // The configuration as the file says, appenders and levels included.
            context.reconfigure();
        }
    }
}
