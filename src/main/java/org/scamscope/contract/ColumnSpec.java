package org.scamscope.contract;

import java.util.List;

/**
 * One canonical column of a dataset.
 *
 * @param required the column must be in every source layout, and (unless unknownAllowed) its value in every record
 * @param allowed the values of a CHOICE or LIST column (empty: any)
 * @param countryColumn for a SUBDIVISION, the country column it must agree with
 * @param unknownAllowed a required column whose value a record may lack: the record is kept, the value unknown
 * @param earliest for a DATE, the earliest date taken (an earlier one is a typo or a placeholder); null otherwise
 * @param phoneRegionColumn for a PERSONAL phone number, the country column in whose country a number without its
 *     country code is read (it is hashed in E.164); null for other columns
 */
public record ColumnSpec(String name, Kind kind, boolean required, List<String> allowed, String countryColumn, boolean unknownAllowed,
                         java.time.LocalDate earliest, String phoneRegionColumn) {
    /** The earliest date a date column takes unless its contract says otherwise: before any scam compound. */
    public static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1990, 1, 1);

    /** The value must be there in every record: rule &lt;name&gt;_required, and NOT NULL in silver. */
    public boolean valueRequired() {
        return required && !unknownAllowed;
    }
}
