package org.scamscope.source;

import org.apache.spark.sql.api.java.UDF1;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input folder's name of each file of a read that spans several files, from the path Spark gives
 * a row (its _metadata.file_path, a URI whose special characters are %-encoded).
 */
final class FileNames implements UDF1<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> relativeByPath = new HashMap<>();

    FileNames(List<org.scamscope.storage.Location> files, List<String> relatives) {
        for (int i = 0; i < files.size(); i++) relativeByPath.put(Path.of(files.get(i).uri().getPath()).normalize().toString(), relatives.get(i));
    }

    @Override
    public String call(String fileUri) {
        String path = Path.of(URI.create(fileUri).getPath()).normalize().toString();
        String rel = relativeByPath.get(path);
        // Spark reads only the files it was given; another one would be a file read in place of one asked for.
        if (rel == null) throw new IllegalStateException("a row came from " + fileUri + ", which is not one of the files this read was given");
        return rel;
    }
}
