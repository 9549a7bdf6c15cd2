package org.scamscope.generate;

import java.util.List;

/** What one dataset's generated files hold: columns, how many rows, which bad rows, the rows themselves. */
interface DatasetGenerator {
    /** The dataset's name: its input folder and its rules file share it. */
    String name();

    List<Field> fields();

    /** Rows for a run generating the given number of victims (bad rows and duplicates included). */
    long rows(long victims);

    List<Defect> defects();

    /** The file's name without its extension, e.g. "hotline_kh_s7_00003". */
    String fileName(int index, long seed);

    /** The rows of file {@code index}, whose first row is row {@code firstRow} of the dataset. */
    FileRows open(int index, long seed, long firstRow);
}
