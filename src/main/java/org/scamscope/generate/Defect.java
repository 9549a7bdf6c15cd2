package org.scamscope.generate;

/**
 * A kind of bad row the generator puts in on purpose, named by the rule of conf/tables/silver/&lt;dataset&gt;/rules.json (or the
 * built-in check) that quarantines it, with the share of rows that get it.
 *
 * @param csvOnly only a CSV file can hold it (a row the parser cannot split)
 */
record Defect(String rule, double share, boolean csvOnly) {
    /** A row that repeats the natural key of an earlier row of the same file: the earlier one is quarantined. */
    static final String DUPLICATE = "duplicate";
    static final String MALFORMED = "malformed_row";

    static Defect of(String rule, double share) {
        return new Defect(rule, share, false);
    }

    static Defect malformed(double share) {
        return new Defect(MALFORMED, share, true);
    }
}
