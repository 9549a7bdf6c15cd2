package org.scamscope.spark;

import org.apache.spark.sql.SparkSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A session from the job's factory with the UI turned on, as a configuration would; prints the HTTP
 * status of the UI's jobs page asked through each address given ("-" when it could not connect).
 */
public final class UiProbe {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSessions.create("local[1]", null, Map.of("spark.ui.enabled", "true", "spark.ui.port", "0",
                "spark.ui.showConsoleProgress", "false"));
        try {
            int port = URI.create(spark.sparkContext().uiWebUrl().get()).getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
            for (String address : args) {
                String host = address.contains(":") ? "[" + address + "]" : address;
                String status;
                try {
                    status = String.valueOf(http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/jobs/")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (java.io.IOException e) {
                    status = "-";
                }
                System.out.println("status " + address + " " + status);
            }
        } finally {
            spark.stop();
        }
    }
}
