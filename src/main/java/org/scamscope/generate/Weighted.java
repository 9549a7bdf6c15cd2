package org.scamscope.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A weighted choice among values, drawn by binary search over the cumulative weights. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values to choose from");
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) cumulative[i] = s += weights[i];
    }

    /** From alternating value, weight pairs: ("KHM", 40, "MMR", 30, ...). */
    static Weighted<String> of(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        return of(m);
    }

    static <T> Weighted<T> of(Map<T, Double> weights) {
        List<T> v = new ArrayList<>(weights.keySet());
        double[] w = new double[v.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(v.get(i));
        return new Weighted<>(v, w);
    }

    T pick(Rnd r) {
        double x = r.uniform() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return values.get(Math.min(i, values.size() - 1));
    }

    List<T> values() {
        return values;
    }

    /** The share of the total weight that value v has (for tests and documentation). */
    double share(T v) {
        int i = values.indexOf(v);
        if (i < 0) return 0;
        double w = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        return w / cumulative[cumulative.length - 1];
    }
}
