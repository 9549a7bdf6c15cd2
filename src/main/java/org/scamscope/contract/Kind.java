package org.scamscope.contract;

/** What a canonical column holds; each kind knows how its text is parsed and checked. */
public enum Kind {
    TEXT,
    /** one of a fixed list of lower-case values */
    CHOICE,
    /** a whole number (a partner's "2019.0" is accepted when it is whole) */
    WHOLE,
    /** an amount of money, decimal(22,2) */
    MONEY,
    /** a coordinate or other real number */
    REAL,
    /** a date written yyyy-MM-dd once the source mapping has normalised it */
    DATE,
    /** a country as name, alpha-2, alpha-3 or numeric code, conformed to ISO alpha-3 */
    COUNTRY,
    /** an ISO 3166-2 code or a known name or alias, conformed to the ISO 3166-2 code */
    SUBDIVISION,
    /** a semicolon-separated list of lower-case values */
    LIST,
    /** an ISO 4217 code */
    CURRENCY,
    /** a name, passport or phone number: only ever stored as part of a keyed hash */
    PERSONAL
}
