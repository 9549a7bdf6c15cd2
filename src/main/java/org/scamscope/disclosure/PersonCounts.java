package org.scamscope.disclosure;

import java.util.List;
import java.util.Map;

/**
 * A gold table's counts of persons and the relations a reader can use against them, as declared
 * by the table. Besides those below, every count takes part in the region hierarchy: the rows of
 * one parent region (and otherwise equal keys) add up to the parent's row.
 *
 * @param table the gold table's name
 * @param key the columns that identify a row, region_level and region_code first
 * @param counts the columns that count persons
 * @param atLeastOne counts a row exists only for, so each is at least 1
 * @param rowSums within one row, a total and the parts that add up to it exactly
 * @param describes cells computed from the persons a count counts, hidden whenever it is; the count
 *     may be a helper column (starting with "_") that is not published, then hidden below k
 * @param sumsTo rows that add up to a cell of another table
 * @param sameAs cells that repeat a cell of another table
 */
public record PersonCounts(String table, List<String> key, List<String> counts, List<String> atLeastOne,
                           List<RowSum> rowSums, Map<String, List<String>> describes, List<SumsTo> sumsTo,
                           List<SameAs> sameAs) {
    /** total = the sum of parts, in every row. */
    public record RowSum(String total, List<String> parts) {}

    /**
     * The rows that agree on every key column but over add up their column to targetColumn of the
     * row of targetTable with that key (less over).
     */
    public record SumsTo(String column, List<String> over, String targetTable, String targetColumn) {}

    /**
     * column is targetColumn of targetTable's row with this row's key and the fixed key values
     * (e.g. victim_type = forced_scam_worker).
     */
    public record SameAs(String column, String targetTable, String targetColumn, Map<String, Object> fixedKey) {}

    /** The columns of a row that are published and may be hidden: the counts and what they describe. */
    public List<String> hideable() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(counts);
        describes.values().forEach(out::addAll);
        return List.copyOf(out);
    }
}
