package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.disclosure.RegionTree;
import org.scamscope.reference.ReferenceData;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The region columns every gold table carries (region_level, region_code, region_name) and the one
 * rollup that fills them: subdivision, country, UN M49 sub-region and world totals from one
 * GROUPING SETS pass. Records a level cannot place get that level's "unknown" cell, so a
 * country's figure is exactly the sum of its subdivisions and its "KHM-unknown" cell, a sub-region's
 * the sum of its countries, and the world's the sum of the sub-regions and the "unknown" one.
 */
public final class Regions {
    public static final String LEVEL = "region_level";
    public static final String CODE = "region_code";
    public static final String NAME = "region_name";

    // The levels and codes are the region tree's, which the disclosure audit walks.
    public static final String SUBDIVISION = RegionTree.SUBDIVISION;
    public static final String COUNTRY = RegionTree.COUNTRY;
    public static final String SUBREGION = RegionTree.SUBREGION;
    public static final String REGION_GROUP = "region_group";
    public static final String WORLD = RegionTree.WORLD;
    public static final String WORLD_CODE = RegionTree.WORLD_CODE;
    /** See RegionTree: "unknown" at country and sub-region level, "KHM-unknown" at subdivision level. */
    public static final String UNKNOWN = RegionTree.UNKNOWN;
    public static final String UNKNOWN_SUFFIX = RegionTree.UNKNOWN_SUFFIX;

    private static final String SUB = "_r_subdivision";
    private static final String CTRY = "_r_country";
    private static final String SUBR = "_r_subregion";
    /** The columns {@link #place} adds: a record's sub-region, country and subdivision. */
    public static final List<String> PLACE = List.of(SUBR, CTRY, SUB);

    private Regions() {}

    /**
     * Aggregates rows at every region level: the output has the region columns, the keys and the
     * aggregates. A record whose country is unknown counts in the country "unknown" of the
     * sub-region "unknown"; a country M49 puts in no sub-region (Antarctica) counts in the sub-region
     * "unknown"; a record with a country but no subdivision in the subdivision "KHM-unknown".
     * A subdivision given without its country is placed in the country the subdivision belongs to.
     *
     * @param keys columns of rows grouped at every level besides the region (e.g. year, victim_type)
     * @param aggregates named aggregate columns; names starting with "_r_" or "_g_" are reserved here
     */
    public static Dataset<Row> rollup(Dataset<Row> rows, ReferenceData ref, Column country, Column subdivision,
                                      List<String> keys, List<Column> aggregates) {
        return withNames(rollupPlaced(place(rows, ref, country, subdivision), keys, aggregates), ref);
    }

    /**
     * The rows with the place of each at every level: columns {@link #PLACE} (sub-region, country,
     * subdivision, never null: "unknown" or "KHM-unknown" where a level cannot place the record).
     */
    public static Dataset<Row> place(Dataset<Row> rows, ReferenceData ref, Column country, Column subdivision) {
        Dataset<Row> subdivisions = ref.table("subdivisions").select(col("code").as("_r_sub_code"), col("country_alpha3").as("_r_sub_country"));
        Dataset<Row> subregions = ref.table("countries").select(col("alpha3").as("_r_alpha3"), col("subregion_code").as(SUBR));
        // Columns set together where none reads another's new value: each withColumn is an analysis of the whole plan.
        Map<String, Column> given = new LinkedHashMap<>();
        given.put(SUB, subdivision);
        given.put(CTRY, country);
        Map<String, Column> unknown = new LinkedHashMap<>();
        unknown.put(SUB, coalesce(col(SUB), concat(col(CTRY), lit(UNKNOWN_SUFFIX))));
        unknown.put(SUBR, coalesce(col(SUBR), lit(UNKNOWN)));
        return rows.withColumns(given)
                .join(broadcast(subdivisions), col(SUB).equalTo(col("_r_sub_code")), "left")
                .withColumn(CTRY, coalesce(col(CTRY), col("_r_sub_country")))
                .join(broadcast(subregions), col(CTRY).equalTo(col("_r_alpha3")), "left")
                .withColumn(CTRY, coalesce(col(CTRY), lit(UNKNOWN)))
                .withColumns(unknown)
                .drop("_r_sub_code", "_r_sub_country", "_r_alpha3");
    }

    /**
     * Aggregates placed rows (see {@link #place}) at every region level, without region names: the
     * output has region_level, region_code, the keys and the aggregates.
     */
    public static Dataset<Row> rollupPlaced(Dataset<Row> placed, List<String> keys, List<Column> aggregates) {
        List<Column> all = new ArrayList<>();
        keys.forEach(k -> all.add(col(k)));
        all.add(col(SUBR));
        all.add(col(CTRY));
        all.add(col(SUB));
        List<List<Column>> sets = List.of(all, all.subList(0, keys.size() + 2), all.subList(0, keys.size() + 1), all.subList(0, keys.size()));

        List<Column> aggs = new ArrayList<>(aggregates);
        aggs.add(grouping(SUBR).as("_g_subregion"));
        aggs.add(grouping(CTRY).as("_g_country"));
        aggs.add(grouping(SUB).as("_g_subdivision"));
        Dataset<Row> grouped = placed.groupingSets(seq(sets.stream().map(Regions::seq).toList()), all.toArray(new Column[0]))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));

        Column level = when(col("_g_subdivision").equalTo(0), lit(SUBDIVISION))
                .when(col("_g_country").equalTo(0), lit(COUNTRY))
                .when(col("_g_subregion").equalTo(0), lit(SUBREGION))
                .otherwise(lit(WORLD));
        Column code = when(col("_g_subdivision").equalTo(0), col(SUB))
                .when(col("_g_country").equalTo(0), col(CTRY))
                .when(col("_g_subregion").equalTo(0), col(SUBR))
                .otherwise(lit(WORLD_CODE));
        List<Column> out = new ArrayList<>(List.of(col(LEVEL), col(CODE)));
        keys.forEach(k -> out.add(col(k)));
        for (String c : grouped.columns()) {
            if (!keys.contains(c) && !c.startsWith("_r_") && !c.startsWith("_g_")) out.add(col(c));
        }
        // A record of no known country is a leaf of the country level: no subdivision below it.
        return grouped.withColumns(Map.of(LEVEL, level, CODE, code))
                .filter(col(CODE).isNotNull()
                        .and(not(col(LEVEL).equalTo(SUBDIVISION).and(col(CODE).equalTo(UNKNOWN + UNKNOWN_SUFFIX)))))
                .select(out.toArray(new Column[0]));
    }

    /** Adds region_name after region_level and region_code, from the reference data. */
    public static Dataset<Row> withNames(Dataset<Row> df, ReferenceData ref) {
        Dataset<Row> names = names(ref).withColumnRenamed(LEVEL, "_n_level").withColumnRenamed(CODE, "_n_code");
        List<Column> out = new ArrayList<>(List.of(col(LEVEL), col(CODE), col(NAME)));
        for (String c : df.columns()) if (!c.equals(LEVEL) && !c.equals(CODE)) out.add(col(c));
        return df.join(broadcast(names), col(LEVEL).equalTo(col("_n_level")).and(col(CODE).equalTo(col("_n_code"))), "left")
                .select(out.toArray(new Column[0]));
    }

    /** (region_level, region_code, region_name) for every place a gold row can be about. */
    public static Dataset<Row> names(ReferenceData ref) {
        Dataset<Row> countries = ref.table("countries");
        return ref.table("subdivisions").select(lit(SUBDIVISION).as(LEVEL), col("code").as(CODE), col("name").as(NAME))
                .union(countries.select(lit(COUNTRY), col("alpha3"), col("name")))
                .union(countries.select(lit(SUBREGION), col("subregion_code"), col("subregion_name")))
                // Estimates may be published for an M49 region (Asia), which silver files as a sub-region.
                .union(countries.select(lit(SUBREGION), col("region_code"), col("region_name")))
                .union(ref.table("region_groups").select(lit(REGION_GROUP), col("group_code"), col("name")))
                .union(countries.select(lit(SUBDIVISION), concat(col("alpha3"), lit(UNKNOWN_SUFFIX)),
                        concat(col("name"), lit(", subdivision not known"))))
                .union(countries.sparkSession().range(1).select(lit(COUNTRY), lit(UNKNOWN), lit("Country not known")))
                .union(countries.sparkSession().range(1).select(lit(SUBREGION), lit(UNKNOWN), lit("No M49 sub-region, or country not known")))
                .union(countries.sparkSession().range(1).select(lit(WORLD), lit(WORLD_CODE), lit("World")))
                .filter(col(CODE).isNotNull())
                .dropDuplicates(LEVEL, CODE);
    }

    static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
