package org.scamscope.hardening;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.LogCapture;
import org.scamscope.TestSpark;
import org.scamscope.pipeline.WarehouseScan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
@org.junit.jupiter.api.parallel.Isolated("it reads every log line, stage and scratch file of the JVM")
class LeakTest {
    static final Path FIXTURE = JobRunner.FIXTURES.resolve("identifying");
    /** Each person's name, passport number and phone number, as the fixture writes them. */
    static final List<List<String>> PEOPLE = List.of(
            List.of("សុខ ចាន់ថា", "N0123456", "+855 12 345 678"),
            List.of("အောင်ကျော်ဝင်း", "MA123456", "+95 9 421 234 567"),
            List.of("สมชาย ใจดี", "AA1234567", "+66 81 234 5678"),
            List.of("李娜", "E12345678", "+86 138 0013 8000"),
            List.of("Nguyễn Thị Hoa", "C7654321", "+84 912 345 678"),
            List.of("Santos, Maria", "P1234567A", "+63 917 123 4567"),
            // broken.csv and partner_b.csv: rows a field short, a field too many in the middle, a quote left open
            List.of("Yolanda Brightwater", "X9876543", "+63 917 555 0202"),
            List.of("Trần Văn Bình", "B2345678", "+84 911 222 333"),
            List.of("Kham Sengdara", "LA765432", "+856 20 5555 1234"));
    /** The parts a name falls into when an unquoted comma splits it into two fields. */
    static final List<String> NAME_PARTS = List.of("Brightwater", "Yolanda", "Sengdara", "Văn Bình");
    static final String KEY = "test-only-pseudonym-key-0123456789";

    @TempDir
    static Path tmp;
    static Path input;
    static Path warehouse;
    static Path json;
    static int exitCode;
    static String printed;
    static final List<String> logLines = new ArrayList<>();
    static int scratchFilesSeen;
    static List<String> scratchLeaks;

    /** The shipped configuration with one more victims layout, a partner's with its own column names. */
    static Path partnerLayout(Path conf) throws IOException {
        JobRunner.copyFolder(Path.of("conf", "tables"), conf.resolve("tables"));
        Files.copy(Path.of("conf", "pipeline.json"), conf.resolve("pipeline.json"));
        Path victims = conf.resolve("tables/silver/victims");
        Files.writeString(victims.resolve("sources/partner_b.json"), """
                {"dataset": "victims", "files": ["victims/partner_b*.csv"], "constants": {"source": "partner_b"},
                 "columns": {"victim_id": "Ref", "victim_type": "Type", "registration_date": "Date", "name": "Full name",
                             "phone": "Mobile", "passport_number": "Passport", "age": "Age"}}
                """);
        String table = Files.readString(victims.resolve("table.json"));
        assertTrue(table.contains("\"sources\": [\"ctdc\", \"canonical\"]"), "the victims contract names its mappings as expected");
        Files.writeString(victims.resolve("table.json"), table.replace("\"sources\": [\"ctdc\", \"canonical\"]",
                "\"sources\": [\"ctdc\", \"partner_b\", \"canonical\"]"));
        return conf;
    }

    @BeforeAll
    static void run() throws IOException {
        input = JobRunner.copyFolder(FIXTURE, tmp.resolve("input"));
        writePartnerParquet(input.resolve("victims/partner.parquet"));
        warehouse = tmp.resolve("warehouse");
        json = tmp.resolve("summary.json");
        Path config = tmp.resolve("scamscope.properties");
        Path conf = Path.of("conf").toAbsolutePath();
        Path tables = partnerLayout(tmp.resolve("conf"));
        Files.writeString(config, Files.readString(conf.resolve("scamscope.properties"))
                .replace("reference=../data/reference", "reference=" + conf.resolveSibling("data").resolve("reference"))
                .replace("pipeline=pipeline.json", "pipeline=" + tables.resolve("pipeline.json"))
                + "\nquarantine.max_share=1.0\nquarantine.max_share.victims=1.0\nspark.sql.shuffle.partitions=2\n"
                + "spark.databricks.delta.snapshotPartitions=2\n");
        TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogCapture logs = new LogCapture(); ScratchScan scan = new ScratchScan(scratchNeedles())) {
            exitCode = org.scamscope.cli.Main.execute(new String[] {"run", "--config", config.toString(), "--input", input.toString(),
                    "--warehouse", warehouse.toString(), "--json-summary", json.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            logLines.addAll(logs.lines());
            scratchFilesSeen = scan.filesSeen();
            scratchLeaks = scan.found();
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

    /**
     * Values that do pass through shuffles and caches in clear unless they are encrypted (a source and
     * victim types, long enough not to turn up in random bytes): a scan that finds none of them either shows the files are encrypted, not that the scan is blind.
     */
    static final List<String> CANARIES = List.of("partner_b", "forced_scam_worker", "defrauded");

    static List<String> scratchNeedles() {
        List<String> all = new ArrayList<>(needlesAndParts());
        all.addAll(CANARIES);
        return all;
    }

    /** Every needle, and the parts of names an unquoted comma splits. */
    static List<String> needlesAndParts() {
        List<String> all = new ArrayList<>(needles());
        all.addAll(NAME_PARTS);
        return all;
    }

    @Test
    void theRunSucceedsWithEveryKindOfRowInIt() throws IOException {
        assertEquals(0, exitCode, printed);
        // 7 + 2 + 1 + 2 (file without header: both lines) + 2 (Parquet) + 4 (broken.csv: its last line is
        // inside row 4's open quote) + 3 (partner_b.csv) victims rows; the malformed, the duplicate, the
        // broken rules and the three refused files are in the quarantine.
        assertTrue(Files.readString(json).contains("\"rows_read\" : 21"), Files.readString(json));
        assertEquals(List.of("B3|hotline|2023-08-03", "C1|hotline|2023-04-11", "K1|hotline|2023-01-10", "L1|hotline|2023-06-10",
                        "M1|hotline|2023-02-10", "P1|partner|2023-07-01", "PB1|partner_b|2023-09-01"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source", "registration_date"));
        assertEquals(List.of("victims/broken.csv|1|malformed_row", "victims/broken.csv|2|malformed_row", "victims/broken.csv|4|malformed_row",
                        "victims/hotline.csv|3|age_range", "victims/hotline.csv|4|duplicate", "victims/hotline.csv|5|malformed_row",
                        "victims/no_header.csv|1|file_layout", "victims/no_header.csv|2|file_layout", "victims/partner.parquet|2|victim_type_allowed",
                        "victims/partner_b.csv|2|malformed_row", "victims/partner_b.csv|3|malformed_row",
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
        assertEquals(List.of(), WarehouseScan.find(warehouse, needlesAndParts()));
    }

    @Test
    void aRowThatCouldNotBeSplitKeepsOnlyItsShapeAndAKeyedHashOfItsLine() throws Exception {
        // Lengths and field counts counted by hand on the fixture's lines; the hash is HMAC-SHA-256 under the test key.
        String b4 = "B4,hotline,\"Kham Sengdara,forced_scam_worker,2023-08-04,+856 20 5555 1234,27,LAO,LA765432,KHM\n"
                + "B5,hotline,Kham Sengdara,forced_scam_worker,2023-08-05,+856 20 5555 1234,27,LAO,LA765432,KHM";
        String p3 = "PB3,defrauded,2023-09-03,Trần,Văn Bình,+84 911 222 333,B2345678,45";
        assertEquals(List.of(
                        "victims/broken.csv|1|{\"line_length\":93,\"fields\":9,\"header_fields\":10,\"lines\":1,\"line_hash\":\""
                                + hmac("B1,hotline,Yolanda Brightwater,forced_scam_worker,2023-08-01,+63 917 555 0202,33,PHL,X9876543") + "\"}",
                        "victims/broken.csv|2|{\"line_length\":98,\"fields\":11,\"header_fields\":10,\"lines\":1,\"line_hash\":\""
                                + hmac("B2,hotline,Brightwater, Yolanda,forced_scam_worker,2023-08-02,+63 917 555 0202,33,PHL,X9876543,KHM") + "\"}",
                        "victims/broken.csv|4|{\"line_length\":186,\"fields\":3,\"header_fields\":10,\"lines\":2,\"line_hash\":\""
                                + hmac(b4) + "\"}",
                        "victims/partner_b.csv|2|{\"line_length\":61,\"fields\":6,\"header_fields\":7,\"lines\":1,\"line_hash\":\""
                                + hmac("PB2,forced_scam_worker,2023-09-02,+84 911 222 333,B2345678,45") + "\"}",
                        "victims/partner_b.csv|3|{\"line_length\":66,\"fields\":8,\"header_fields\":7,\"lines\":1,\"line_hash\":\""
                                + hmac(p3) + "\"}"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows")
                                .filter("source_file in ('victims/broken.csv', 'victims/partner_b.csv')"), "source_file", "source_row", "raw_record"));
        assertEquals(List.of("victims/broken.csv row 1: malformed_row: row could not be split into the header's fields (wrong delimiter, "
                        + "unterminated quote or a field too many or too few); it has 9 fields, the header 10",
                        "victims/broken.csv row 4: malformed_row: row could not be split into the header's fields (wrong delimiter, "
                        + "unterminated quote or a field too many or too few); it has 3 fields, the header 10; it runs over 2 lines "
                        + "(a quote left open takes in the lines after it)"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows")
                        .filter("source_file = 'victims/broken.csv' and source_row in (1, 4)"), "message"));
    }

    static String hmac(String line) throws java.security.GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noIdentifyingValueIsInSparksScratchFilesWhileTheRunGoesOn() {
        // Shuffle, spill and cache files were looked at after every stage: they were there, and encrypted.
        assertTrue(scratchFilesSeen > 10, "scratch files seen during the run: " + scratchFilesSeen);
        assertEquals(List.of(), scratchLeaks);
    }

    @Test
    void noIdentifyingValueIsShownOfTheQuarantineInAnyFormat() {
        for (String format : List.of("text", "csv", "json")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertEquals(0, org.scamscope.cli.Main.execute(new String[] {"show", "quarantine/rejected_rows", "--warehouse", warehouse.toString(),
                    "--format", format, "--limit", "100"}, p, p), format);
            String shown = out.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("broken.csv"), format + ": " + shown);
            assertEquals(List.of(), needlesAndParts().stream().filter(shown::contains).toList(), format);
        }
    }

    @Test
    void noIdentifyingValueIsInTheSummaryOrWhatThePrinted() throws IOException {
        String summary = Files.readString(json);
        assertEquals(List.of(), needlesAndParts().stream().filter(n -> summary.contains(n) || printed.contains(n)).toList());
    }

    @Test
    void noIdentifyingValueIsInAnyLogLine() {
        assertTrue(logLines.size() > 50, "the run logged " + logLines.size() + " lines at INFO");
        assertTrue(logLines.stream().anyMatch(l -> l.contains("victims: 21 rows read")), "the job's own lines are captured");
        List<String> leaks = new ArrayList<>();
        for (String line : logLines) for (String n : needlesAndParts()) if (line.contains(n)) leaks.add(n + " in: " + line);
        assertEquals(List.of(), leaks);
    }

    /**
     * After every stage, each file under Spark's scratch folders (shuffle, spill and cached blocks) is
     * read for the needles, while open.
     */
    static final class ScratchScan extends org.apache.spark.scheduler.SparkListener implements AutoCloseable {
        private final List<String> needles;
        private final Set<String> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        private final List<String> found = java.util.Collections.synchronizedList(new ArrayList<>());

        ScratchScan(List<String> needles) {
            this.needles = needles;
            TestSpark.session().sparkContext().addSparkListener(this);
        }

        @Override
        public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted stage) {
            for (java.io.File dir : org.apache.spark.SparkEnv.get().blockManager().diskBlockManager().localDirs()) {
                try (Stream<Path> s = Files.walk(dir.toPath())) {
                    s.filter(Files::isRegularFile).forEach(this::scan);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // a file removed while walked: the next stage looks again
                }
            }
        }

        private void scan(Path f) {
            try {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                seen.add(f.toString());
                for (String n : needles) if (text.contains(n)) found.add(n + " in " + f.getFileName());
            } catch (IOException e) {
                // removed since listed
            }
        }

        int filesSeen() {
            return seen.size();
        }

        List<String> found() {
            return List.copyOf(new LinkedHashSet<>(found));
        }

        @Override
        public void close() {
            try {
                // Each stage's scan reads every scratch file the shared session still holds, so on a loaded machine
                // the queue can take longer than the bus's default 10 s to drain; every scan must still be done.
                TestSpark.session().sparkContext().listenerBus().waitUntilEmpty(TimeUnit.MINUTES.toMillis(5));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the listener bus did not drain", e);
            } finally {
                TestSpark.session().sparkContext().removeSparkListener(this);
            }
        }
    }
}
