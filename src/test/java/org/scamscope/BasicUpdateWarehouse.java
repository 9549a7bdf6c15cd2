package org.scamscope;

import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The basic fixture's second run, after its first (see {@link BasicWarehouse}), with the same lenient
 * thresholds: a partner's new file and a changed one. Made once per build (see {@link BuildWarehouse})
 * for the incremental runs' test and for the run that is never killed of the kill-and-rerun test. Its
 * input folder is kept beside it: the ledger records the files' times, so a test that goes on from
 * this warehouse copies that folder, times and all.
 */
public final class BasicUpdateWarehouse {
    public static final String VICTIM_HEADER = "victim_id,source,victim_type,registration_date,gender,age,age_band,citizenship,"
            + "exploitation_country,exploitation_subdivision,compound_id,recruitment_channel,means_of_control,status,"
            + "loss_amount,loss_currency,scam_type,name,passport_number,phone\n";
    /** New: V9, and V2 again, later, with a status (it wins over partner_a's copy). */
    public static final String NEW_FILE = "victims/partner_c.csv";
    /** Changed: partner_b loses W3 and gains W4. */
    public static final String CHANGED_FILE = "victims/partner_b.csv";

    public static final BuildWarehouse SHARED = new BuildWarehouse("basic-update-warehouse", BasicUpdateWarehouse::secondRun);

    private BasicUpdateWarehouse() {}

    /** The second run's input folder, beside its warehouse: copy it, never write to it. */
    public static Path input() {
        return SHARED.path().resolveSibling("input");
    }

    /** The fixture's folder, its files' times kept, with the new and the changed file written at target. */
    private static Path input(Path target) throws IOException {
        JobRunner.copyFolder(BasicWarehouse.INPUT, target);
        Files.writeString(target.resolve(NEW_FILE), VICTIM_HEADER
                + "V9,hotline,forced_scam_worker,2024-02-02,male,30,,IDN,MMR,MM-13,,social_media,,escaped,,,,,,\n"
                + "V2,hotline,defrauded,2024-01-15,female,,30-38,USA,KHM,KH-12,,dating_app,,rescued,1000.00,USD,investment,,,\n");
        Files.writeString(target.resolve(CHANGED_FILE), VICTIM_HEADER
                + "W1,ngo,volunteer,2022-04-04,female,22,,PHL,PHL,PH-TAR,,online_job_ad,,rescued,,,,,,\n"
                + "W4,ngo,forced_scam_worker,2023-03-03,male,40,,NPL,MMR,,,online_job_ad,,rescued,,,,,,\n");
        return target;
    }

    /** The fixture's warehouse copied to wh, and the run over the folder with the two files, kept beside wh. */
    private static RunSummary secondRun(Path wh) {
        try {
            BasicWarehouse.SHARED.copy(wh);
            return JobRunner.run(input(wh.resolveSibling("input")), wh, JobRunner.lenient());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
