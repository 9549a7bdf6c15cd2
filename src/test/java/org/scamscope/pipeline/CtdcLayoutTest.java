package org.scamscope.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CTDC global synthetic dataset's layout (fixtures/ctdc, written by hand from the published
 * column list), read with conf/tables/silver/victims/sources/ctdc.json alone: two releases side by side (alpha-3
 * with isForcedLabor and 09--17; alpha-2 with isForcedLabour, 9--17 and -99), float years, empty
 * flags, missing countries, and a file whose header does not fit.
 */
class CtdcLayoutTest {
    static final Path INPUT = JobRunner.FIXTURES.resolve("ctdc");

    @TempDir
    static Path warehouse;

    @BeforeAll
    static void run() {
        JobRunner.run(INPUT, warehouse, JobRunner.lenient());
    }

    @Test
    void silverRowsAreTheHandComputedOnes() {
        assertEquals(List.of(
                        // alpha-2 release: NA is Namibia, ZA South Africa; -99 months is missing
                        "L001|ctdc|trafficked|2015-01-01|male|9-17|NAM|ZAF|null|null|[forced_labour]|[agriculture]|null|null|victims/ctdc_legacy.csv|1",
                        // -99 year: registered in a year not known; the record is kept with no date
                        "L002|ctdc|trafficked|null|female|18-20|UKR|POL|null|null|[forced_labour]|null|null|null|victims/ctdc_legacy.csv|2",
                        "L003|ctdc|trafficked|2017-01-01|female|21-23|UKR|RUS|0-12|[threats]|[sexual_exploitation]|null|[pornography]|null|victims/ctdc_legacy.csv|3",
                        // -99 gender, age and country: missing, and the record is kept
                        "L004|ctdc|trafficked|2018-01-01|null|null|USA|null|null|null|null|null|null|null|victims/ctdc_legacy.csv|4",
                        "T001|ctdc|trafficked|2019-01-01|female|18-20|VNM|KHM|0-12|[threats, false_promises]|[forced_labour]|[hospitality]|null|[friend]|victims/ctdc_2024.csv|1",
                        "T002|ctdc|trafficked|2020-01-01|male|9-17|MMR|THA|13-24|[debt_bondage, withheld_documents]|[forced_labour]|[agriculture]|null|[family]|victims/ctdc_2024.csv|2",
                        // no year at all: kept, the year not known
                        "T003|ctdc|trafficked|null|female|30-38|THA|THA|null|null|[forced_labour]|null|null|null|victims/ctdc_2024.csv|3",
                        // no country of exploitation and no flag set: kept, as unknown
                        "T004|ctdc|trafficked|2021-01-01|trans_nonconforming|24-26|PHL|null|null|null|null|null|null|null|victims/ctdc_2024.csv|4",
                        "T005|ctdc|trafficked|2022-01-01|female|30-38|IDN|MYS|25+|[abuse]|[sexual_exploitation]|null|[prostitution]|[intimate_partner]|victims/ctdc_2024.csv|5",
                        "T006|ctdc|trafficked|2023-01-01|male|48+|CHN|KHM|null|[drugs_alcohol, denied_basic_needs, excessive_hours]|[forced_labour, other]|[construction, domestic_work]|null|[other]|victims/ctdc_2024.csv|6",
                        "T007|ctdc|trafficked|2024-01-01|null|0-8|LAO|LAO|null|null|[organ_removal]|null|null|null|victims/ctdc_2024.csv|7"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source", "victim_type",
                        "registration_date", "gender", "age_band", "citizenship", "exploitation_country", "trafficking_months",
                        "means_of_control", "exploitation_types", "labour_types", "sexual_exploitation_types",
                        "recruiter_relations", "source_file", "source_row"));
    }

    @Test
    void quarantineHoldsRowsWithUnknownCodesAndTheRefusedFile() {
        assertEquals(List.of(
                        "victims/ctdc_2024.csv|8|citizenship_known",
                        "victims/ctdc_broken.csv|1|file_layout",
                        "victims/ctdc_legacy.csv|5|citizenship_known"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), "source_file", "source_row", "rule"));
        assertEquals(List.of("victims/ctdc_broken.csv row 1: file_layout: header does not fit source mapping 'victims_ctdc': "
                        + "missing columns [gender], unexpected columns [notes]"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").filter("rule = 'file_layout'"), "message"));
    }

    static String[] check(String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"sources", "check", INPUT.resolve("victims").resolve(file).toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void sourcesCheckTellsTheMappingAndTheRejectionsWithoutWriting() {
        String[] r = check("ctdc_legacy.csv");
        assertEquals("0", r[0], r[2]);
        assertEquals(List.of(
                INPUT.resolve("victims/ctdc_legacy.csv") + " fits source mapping 'victims_ctdc' (dataset victims)",
                "rows 5, would be accepted 4, would be quarantined 1",
                "    quarantined  citizenship_known                               1"), r[1].lines().toList());
    }

    @Test
    void sourcesCheckListsMissingAndUnexpectedColumnsOfAFileThatFitsNothing() {
        String[] r = check("ctdc_broken.csv");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("victims_ctdc: header does not fit source mapping 'victims_ctdc': missing columns [gender], unexpected columns [notes]"), r[1]);
    }
}
