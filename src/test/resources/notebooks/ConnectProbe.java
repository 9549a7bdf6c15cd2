import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark Connect client of the server `scamscope serve` runs, doing what any local user could:
 * reading a file outside the warehouse, and asking the server's environment for the key through
 * SQL's reflect. Prints "file: <first line>", "key: set" or "key: null", and the same for PATH.
 * Usage: java -cp <the Connect client> ConnectProbe.java sc://host:port FILE KEY_VARIABLE
 */
public class ConnectProbe {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
        try {
            Row first = spark.read().text(args[1]).first();
            System.out.println("file: " + first.getString(0));
            // reflect gives String.valueOf of what the method returned: "null" for no value. PATH, which the
            // server has, shows that the call reaches the server's environment.
            for (String variable : new String[] {args[2], "PATH"}) {
                Row r = spark.sql("SELECT reflect('java.lang.System', 'getenv', '" + variable + "')").first();
                boolean none = r.isNullAt(0) || r.getString(0).equals("null");
                System.out.println((variable.equals("PATH") ? "path" : "key") + ": " + (none ? "null" : "set"));
            }
        } finally {
            spark.close();
        }
    }
}
