package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What every gold table is built from.
 *
 * @param silver the silver tables by dataset name (victims, compounds, revenue_estimates, enforcement_actions)
 * @param k the smallest count of persons that may be published; smaller counts are suppressed
 * @param currentYear the year a compound still operating is counted up to; given rather than read
 *     from the clock inside the tables, so a build is reproducible
 */
public record GoldInputs(Map<String, Dataset<Row>> silver, ReferenceData reference, int k, int currentYear) {
    public static final int DEFAULT_K = 5;

    public GoldInputs {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        silver = Map.copyOf(silver);
    }

    /** Inputs whose current year is this year (UTC). */
    public static GoldInputs of(Map<String, Dataset<Row>> silver, ReferenceData reference, int k) {
        return new GoldInputs(silver, reference, k, Year.now(ZoneOffset.UTC).getValue());
    }

    public Dataset<Row> silver(String dataset) {
        Dataset<Row> df = silver.get(dataset);
        if (df == null) throw new IllegalArgumentException("no silver table '" + dataset + "' among " + silver.keySet());
        return df;
    }
}
