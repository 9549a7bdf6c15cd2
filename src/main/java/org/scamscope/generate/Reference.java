package org.scamscope.generate;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The codes the generator draws from: data/reference's countries and subdivisions, so every code it writes is one the job knows. */
final class Reference {
    record Country(String alpha2, String alpha3, String name) {}

    final Map<String, Country> countries = new LinkedHashMap<>();
    /** country alpha-3 -> its ISO 3166-2 subdivision codes, in file order */
    final Map<String, List<String>> subdivisions = new LinkedHashMap<>();

    static Reference load(Path dir) {
        Reference ref = new Reference();
        for (String[] c : rows(dir.resolve("countries.csv"), "alpha2", "alpha3", "name")) {
            ref.countries.put(c[1], new Country(c[0], c[1], c[2]));
        }
        for (String[] s : rows(dir.resolve("subdivisions.csv"), "code", "country_alpha3")) {
            ref.subdivisions.computeIfAbsent(s[1], k -> new ArrayList<>()).add(s[0]);
        }
        return ref;
    }

    List<String> subdivisionsOf(String alpha3) {
        return subdivisions.getOrDefault(alpha3, List.of());
    }

    /** The named columns of a reference CSV file, row by row. */
    private static List<String[]> rows(Path file, String... columns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read reference file " + file + ": " + e.getMessage());
        }
        List<String> header = List.of(Csv.parse(lines.get(0).replace("\uFEFF", "")));
        int[] at = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            at[i] = header.indexOf(columns[i]);
            if (at[i] < 0) throw ExitCodes.usage("reference file " + file + " has no column " + columns[i]);
        }
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = Csv.parse(line);
            String[] picked = new String[columns.length];
            for (int i = 0; i < columns.length; i++) picked[i] = f[at[i]];
            out.add(picked);
        }
        return out;
    }
}
