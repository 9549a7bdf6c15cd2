package org.scamscope.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the integration tests know of the build: the application jar, the classpath Maven resolved,
 * and a Spark installation made from it. Spark's distribution ships in its jars/ folder the runtime
 * closure of spark-core and spark-sql (and commons-cli); that is this classpath less Delta Lake, which
 * the application jar carries.
 */
public final class SparkDistribution {
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path TARGET = ROOT.resolve("target");

    private SparkDistribution() {}

    /** target/scamscope-&lt;version&gt;.jar, as the pom names it for the tests. */
    public static Path appJar() {
        String jar = System.getProperty("scamscope.app.jar");
        if (jar == null) throw new IllegalStateException("system property scamscope.app.jar is not set (run with mvn verify)");
        Path p = Path.of(jar);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("no application jar " + p + " (mvn package builds it)");
        return p;
    }

    /** Spark's --add-opens flags, as the pom lists them (spark.add-opens). */
    static List<String> addOpens() {
        String s = System.getProperty("scamscope.add-opens", "");
        List<String> out = new ArrayList<>();
        for (String o : s.trim().split("\\s+")) if (!o.isEmpty()) out.add(o);
        return out;
    }

    /** Every jar of an embedded run (target/classpath/compile.txt and runtime.txt, written by the build). */
    static List<Path> classpath() {
        Set<Path> jars = new LinkedHashSet<>();
        for (String f : List.of("compile.txt", "runtime.txt")) {
            Path file = TARGET.resolve("classpath").resolve(f);
            try {
                for (String e : Files.readString(file).trim().split(File.pathSeparator)) {
                    if (!e.isBlank()) jars.add(Path.of(e.trim()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (the build writes it)", e);
            }
        }
        return new ArrayList<>(jars);
    }

    static boolean isDelta(Path jar) {
        String p = jar.toString().replace('\\', '/');
        return p.contains("/io/delta/") || p.contains("/io/unitycatalog/");
    }

    /** What the application jar carries besides Delta Lake: the audit's solver and the phone library, which Spark does not ship. */
    static boolean isBundled(Path jar) {
        String path = jar.toString().replace('\\', '/');
        return path.contains("/org/ojalgo/") || path.contains("/com/googlecode/libphonenumber/");
    }

    /** The jars a Spark 4.1 installation has in jars/: the classpath less Delta Lake, ojAlgo and libphonenumber. */
    static List<Path> sparkJars() {
        return classpath().stream().filter(j -> !isDelta(j) && !isBundled(j)).toList();
    }

    /** Delta Lake's jars, which the application jar carries. */
    static List<Path> deltaJars() {
        return classpath().stream().filter(SparkDistribution::isDelta).toList();
    }

    /**
     * A SPARK_HOME at {@code home}: jars/ with links to {@link #sparkJars()}, and bin/spark-class and
     * bin/spark-submit (src/test/resources/spark-home/bin), which run Spark's launcher as the
     * distribution's scripts do.
     */
    static Path build(Path home) throws IOException {
        deleteTree(home);
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path j : sparkJars()) {
            Files.createSymbolicLink(jars.resolve(j.getFileName()), j);
        }
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String script : List.of("spark-class", "spark-submit")) {
            Path to = bin.resolve(script);
            Files.copy(ROOT.resolve("src/test/resources/spark-home/bin").resolve(script), to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /**
     * Fails when bin/scamscope would rebuild before running (a source or the pom newer than the jar
     * or the classpath files): a test must not start a Maven build inside the build.
     */
    public static void assertLauncherNeedsNoBuild() throws IOException {
        FileTime built = oldest(List.of(appJar(), TARGET.resolve("classpath/compile.txt"), TARGET.resolve("classpath/runtime.txt")));
        List<Path> inputs = new ArrayList<>();
        inputs.add(ROOT.resolve("pom.xml"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("src/main"))) {
            s.filter(Files::isRegularFile).forEach(inputs::add);
        }
        for (Path p : inputs) {
            if (Files.getLastModifiedTime(p).compareTo(built) > 0) {
                throw new IllegalStateException(p + " is newer than the build; run mvn package first");
            }
        }
    }

    private static FileTime oldest(List<Path> files) throws IOException {
        FileTime t = null;
        for (Path f : files) {
            FileTime m = Files.getLastModifiedTime(f);
            if (t == null || m.compareTo(t) < 0) t = m;
        }
        return t;
    }

    /** A new temporary folder, deleted with everything in it when the JVM exits. */
    public static Path temporaryFolder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(dir);
            } catch (IOException ignored) {
                // a temporary folder left behind is the worst that can happen here
            }
        }));
        return dir;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
