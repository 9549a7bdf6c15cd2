package org.scamscope.generate;

import java.util.Map;
import java.util.TreeMap;

/** What one generated file holds: its rows and, by rule, the bad rows put in on purpose. */
record FileTally(String dataset, String path, String format, long rows, Map<String, Long> badRows) {
    FileTally {
        badRows = new TreeMap<>(badRows);
    }
}
