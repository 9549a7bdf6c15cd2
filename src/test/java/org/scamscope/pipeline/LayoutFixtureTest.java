package org.scamscope.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that test the reader (fixtures/layouts, victims only): a UTF-8 BOM with CRLF line ends and
 * a quoted field holding a comma, a quote and a newline; a header that does not fit the mapping;
 * rows with a field too few or too many. Good rows beside bad files are kept.
 */
class LayoutFixtureTest {
    @TempDir
    static Path warehouse;
    static RunSummary summary;

    @BeforeAll
    static void run() {
        summary = JobRunner.run(JobRunner.FIXTURES.resolve("layouts"), warehouse, JobRunner.lenient());
    }

    @Test
    void bomAndQuotedNewlinesAreRead() {
        assertEquals(List.of(
                        "B1|ngo, \"north\"\nbranch|defrauded|2024-02-02|KHM|KHM|victims/bom_quoted.csv|1",
                        "B2|ngo|forced_scam_worker|2022-12-31|VNM|MMR|victims/bom_quoted.csv|2",
                        "S1|ngo|defrauded|2024-01-01|null|null|victims/short_row.csv|1",
                        "S4|ngo|defrauded|2024-01-04|null|null|victims/short_row.csv|4"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source", "victim_type",
                        "registration_date", "citizenship", "exploitation_country", "source_file", "source_row"));
    }

    @Test
    void aFileWhoseHeaderDoesNotFitGoesWholeToTheQuarantineWithTheColumnsNamed() {
        assertEquals(List.of(
                        "victims/bad_header.csv|1|file_layout|victims/bad_header.csv row 1: file_layout: header does not fit source mapping 'victims_canonical': missing columns [registration_date], unexpected columns [notes]|null",
                        "victims/bad_header.csv|2|file_layout|victims/bad_header.csv row 2: file_layout: header does not fit source mapping 'victims_canonical': missing columns [registration_date], unexpected columns [notes]|null"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").filter("source_file = 'victims/bad_header.csv'"),
                        "source_file", "source_row", "rule", "message", "raw_record"));
    }

    @Test
    void rowsWithTooFewOrTooManyFieldsAreQuarantinedAsMalformed() {
        assertEquals(List.of("victims/short_row.csv|2|malformed_row", "victims/short_row.csv|3|malformed_row"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").filter("source_file = 'victims/short_row.csv'"),
                        "source_file", "source_row", "rule"));
    }

    @Test
    void datasetsWithoutAnInputFolderAreLeftAloneAndSaidSo() {
        assertEquals(List.of("victims"), summary.datasets.stream().map(d -> d.table().name()).toList());
        assertEquals(8, summary.datasets.get(0).read());
        assertTrue(summary.notes.stream().anyMatch(n -> n.startsWith("compounds: the input has no folder compounds/")), summary.notes.toString());
    }
}
