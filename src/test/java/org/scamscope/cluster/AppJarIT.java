package org.scamscope.cluster;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application jar (target/scamscope-&lt;version&gt;.jar) for spark-submit: the job and Delta Lake
 * inside, nothing a Spark installation ships, and Delta's data source still registered.
 */
class AppJarIT {
    static final String DATA_SOURCES = "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister";
    static Set<String> entries;

    @BeforeAll
    static void read() throws IOException {
        entries = names(SparkDistribution.appJar());
    }

    @Test
    void itCarriesTheJobDeltaLakeTheAuditsSolverAndThePhoneLibraryAndNamesTheMainClass() throws IOException {
        for (String c : List.of("org/scamscope/cli/Main.class", "org/scamscope/pipeline/Job.class", "scamscope-version.txt",
                "io/delta/sql/DeltaSparkSessionExtension.class", "org/apache/spark/sql/delta/catalog/DeltaCatalog.class",
                "org/apache/spark/sql/delta/sources/DeltaDataSource.class", "io/delta/storage/LogStore.class",
                "io/delta/kernel/Table.class", "org/ojalgo/optimisation/ExpressionsBasedModel.class",
                "com/google/i18n/phonenumbers/PhoneNumberUtil.class")) {
            assertTrue(entries.contains(c), c);
        }
        try (JarFile jar = new JarFile(SparkDistribution.appJar().toFile())) {
            assertEquals("org.scamscope.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void itHasNoSparkScalaJacksonGuavaHadoopLoggingOrCommonsCli() {
        List<String> found = new ArrayList<>();
        for (String prefix : List.of("com/fasterxml/jackson/", "com/google/common/", "com/google/thirdparty/", "scala/",
                "org/apache/hadoop/", "org/apache/commons/", "org/slf4j/", "org/apache/logging/", "org/apache/parquet/",
                "org/json4s/", "io/netty/", "org/junit/")) {
            entries.stream().filter(e -> e.startsWith(prefix)).findFirst().ifPresent(found::add);
        }
        assertEquals(List.of(), found);
    }

    /** Delta puts some classes into Spark's packages (org.apache.spark.sql.delta and a few helpers); only those may be there. */
    @Test
    void everyClassInSparksPackagesIsDeltas() throws IOException {
        Set<String> delta = new HashSet<>();
        for (Path jar : SparkDistribution.deltaJars()) delta.addAll(names(jar));
        List<String> notDelta = entries.stream()
                .filter(e -> e.startsWith("org/apache/spark/") && e.endsWith(".class") && !delta.contains(e)).limit(5).toList();
        assertEquals(List.of(), notDelta);
    }

    /** No class is both in the jar and in a jar of Spark's installation, so no copy can shadow or clash with Spark's. */
    @Test
    void noClassIsAlsoInAJarSparkShips() throws IOException {
        Set<String> classes = new HashSet<>();
        entries.stream().filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class")).forEach(classes::add);
        Set<String> clashes = new TreeSet<>();
        List<Path> spark = SparkDistribution.sparkJars();
        assertTrue(spark.stream().anyMatch(j -> j.getFileName().toString().startsWith("spark-core_2.13-")), "Spark's jars: " + spark);
        assertTrue(spark.stream().anyMatch(j -> j.getFileName().toString().startsWith("commons-cli-")), "Spark ships commons-cli");
        for (Path jar : spark) {
            for (String e : names(jar)) {
                if (classes.contains(e)) clashes.add(jar.getFileName() + ": " + e);
            }
        }
        assertEquals(List.of(), clashes.stream().limit(10).toList());
    }

    /** The service files of every jar merged in: Spark finds the "delta" format through this one. */
    @Test
    void deltasDataSourceIsRegistered() throws IOException {
        Set<String> registered = services(SparkDistribution.appJar(), DATA_SOURCES);
        assertTrue(registered.contains("org.apache.spark.sql.delta.sources.DeltaDataSource"), registered.toString());
        for (Path jar : SparkDistribution.deltaJars()) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> es = z.entries();
                while (es.hasMoreElements()) {
                    String name = es.nextElement().getName();
                    if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
                        Set<String> inJar = services(SparkDistribution.appJar(), name);
                        for (String provider : services(jar, name)) {
                            assertTrue(inJar.contains(provider), name + " lacks " + provider + " of " + jar.getFileName());
                        }
                    }
                }
            }
        }
    }

    static Set<String> names(Path jar) throws IOException {
        Set<String> out = new HashSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> es = z.entries();
            while (es.hasMoreElements()) out.add(es.nextElement().getName());
        }
        return out;
    }

    static Set<String> services(Path jar, String file) throws IOException {
        Set<String> out = new TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            ZipEntry e = z.getEntry(file);
            if (e == null) return out;
            try (InputStream in = z.getInputStream(e)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.replaceAll("#.*", "").trim();
                    if (!l.isEmpty()) out.add(l);
                }
            }
        }
        return out;
    }
}
