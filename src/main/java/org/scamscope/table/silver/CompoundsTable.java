package org.scamscope.table.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.ColumnSpec;
import org.scamscope.table.SilverTable;

import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.Kind.*;

/** silver/compounds: one row per scam compound, with its place, status and workforce range. Rules: conf/rules/compounds.json. */
public final class CompoundsTable implements SilverTable {
    @Override
    public String name() {
        return "compounds";
    }

    @Override
    public List<ColumnSpec> columns() {
        return List.of(
                ColumnSpec.required("compound_id", TEXT),
                ColumnSpec.required("name", TEXT),
                ColumnSpec.list("aliases"),
                ColumnSpec.required("country", COUNTRY),
                ColumnSpec.subdivision("subdivision", "country"),
                ColumnSpec.of("district", TEXT),
                ColumnSpec.of("latitude", REAL),
                ColumnSpec.of("longitude", REAL),
                ColumnSpec.of("operator", TEXT),
                ColumnSpec.of("first_reported", DATE),
                ColumnSpec.choice("status", true, "operating", "raided", "closed", "relocated"),
                ColumnSpec.of("status_date", DATE),
                ColumnSpec.of("estimated_workers_low", WHOLE),
                ColumnSpec.of("estimated_workers_high", WHOLE),
                ColumnSpec.of("source_url", TEXT));
    }

    @Override
    public List<String> naturalKey() {
        return List.of("compound_id");
    }

    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference) {
        return df.withColumn("first_reported_year", year(col("first_reported")));
    }

    @Override
    public List<String> derivedColumns() {
        return List.of("first_reported_year");
    }
}
