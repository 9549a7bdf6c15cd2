package org.scamscope.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dates of registration from 2018 to 2025: numbers rise steeply from 2021 (the growth of the
 * compounds during the pandemic), dip in February (Lunar New Year), peak mid-year, and fall at
 * week-ends when hotlines and NGO offices see fewer people. Precomputed over every day, drawn by
 * binary search.
 */
final class SeasonalDates {
    static final int FIRST_YEAR = 2018;
    static final int LAST_YEAR = 2025;
    static final double[] YEAR_WEIGHT = {1, 1.6, 3, 8, 14, 20, 24, 22};
    static final double[] MONTH_WEIGHT = {0.85, 0.70, 0.90, 1.00, 1.10, 1.20, 1.25, 1.20, 1.10, 1.00, 0.90, 0.85};
    static final double WEEKEND_WEIGHT = 0.55;

    private final Weighted<String> days;

    SeasonalDates() {
        Map<String, Double> w = new LinkedHashMap<>();
        for (LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1); d.getYear() <= LAST_YEAR; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            w.put(d.toString(), YEAR_WEIGHT[d.getYear() - FIRST_YEAR] * MONTH_WEIGHT[d.getMonthValue() - 1]
                    * (weekend ? WEEKEND_WEIGHT : 1));
        }
        this.days = Weighted.of(w);
    }

    /** A date written yyyy-MM-dd. */
    String pick(Rnd r) {
        return days.pick(r);
    }

    /** A day uniformly from the given years, written yyyy-MM-dd (for published reports and actions). */
    static String uniform(Rnd r, int fromYear, int toYear) {
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        long span = LocalDate.of(toYear + 1, 1, 1).toEpochDay() - first.toEpochDay();
        return first.plusDays(r.below((int) span)).toString();
    }
}
