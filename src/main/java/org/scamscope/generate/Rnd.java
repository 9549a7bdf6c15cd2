package org.scamscope.generate;

import java.util.SplittableRandom;

/**
 * The random source of one generated file. Its seed is derived from the run's seed, the dataset
 * and the file's number, so every file can be written on its own (in any order, on any thread)
 * and the same seed always gives the same bytes.
 */
final class Rnd {
    private final SplittableRandom r;
    private double spareGaussian = Double.NaN;

    Rnd(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** The seed of file {@code index} of a dataset: a mix of the three, so neighbouring files are unrelated. */
    static long fileSeed(long seed, String dataset, int index) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < dataset.length(); i++) h = (h ^ dataset.charAt(i)) * 0x100000001B3L;
        return mix(h ^ (index + 1L) * 0xC2B2AE3D27D4EB4FL);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    double uniform() {
        return r.nextDouble();
    }

    int below(int n) {
        return r.nextInt(n);
    }

    /** A whole number from lo to hi, both included. */
    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** Standard normal, by the polar method (written here so the sequence does not depend on the JDK). */
    double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u, v, s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    <T> T of(T[] items) {
        return items[r.nextInt(items.length)];
    }

    <T> T of(java.util.List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
