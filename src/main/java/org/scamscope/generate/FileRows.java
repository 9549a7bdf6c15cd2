package org.scamscope.generate;

/** The rows of one file of a dataset, drawn one after the other from the file's random source. */
interface FileRows {
    /**
     * The next row: a clean one when defect is null, else one that breaks exactly the defect's rule
     * (never "duplicate" or "malformed_row", which the file writer makes from clean rows).
     */
    String[] next(Rnd r, String defect);

    /** A copy of a clean row under the same natural key, as a second export of one record would be. */
    default String[] copy(Rnd r, String[] original) {
        return original.clone();
    }
}
