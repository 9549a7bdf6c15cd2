package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.*;

/**
 * gold/victim_flows_by_year: the corridors, one row per citizenship, region of exploitation (country,
 * M49 sub-region and world; not subdivision),
 * registration year and victim type, with the number of victims (suppressed below k). A null
 * citizenship is the victims whose citizenship is not known, so the flows into a region add up to
 * its victims in victims_by_region_year exactly, and the flows of one citizenship follow the region
 * hierarchy; suppression protects both relations.
 *
 * <p>Columns: region_level, region_code, region_name, year, victim_type, citizenship,
 * citizenship_name, victims, suppressed, suppressed_cells.
 */
public final class VictimFlowsByYear implements GoldBuild {
    public static final String NAME = "victim_flows_by_year";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> rolled = Regions.withNames(VictimCells.byCitizenship(in.victimCells())
                // Not by subdivision: there most corridors are below k, and each hidden one would need others
                // hidden with it across the whole table; a country's corridors carry the story.
                .filter(col(Regions.LEVEL).notEqual(Regions.SUBDIVISION))
                .select(col(Regions.LEVEL), col(Regions.CODE), col("year"), col("victim_type"), col("citizenship"), col("victims")),
                in.reference());
        Dataset<Row> names = in.reference().table("countries").select(col("alpha3").as("_c_code"), col("name").as("citizenship_name"));
        return rolled.join(broadcast(names), col("citizenship").equalTo(col("_c_code")), "left")
                .select(col(Regions.LEVEL), col(Regions.CODE), col(Regions.NAME), col("year"), col("victim_type"),
                        col("citizenship"), col("citizenship_name"), col("victims"));
    }
}
