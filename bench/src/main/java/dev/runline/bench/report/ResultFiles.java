package dev.runline.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the run's result file (JSON, for tools and for comparing runs) and its chart beside it. */
public final class ResultFiles {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultFiles() {}

    /** Writes {@code <base>.json} and {@code <base>.svg}; returns the JSON file. */
    public static Path write(Path folder, String base, Object result, String svg) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(base + ".json");
        Files.writeString(json, JSON.writeValueAsString(result));
        Files.writeString(folder.resolve(base + ".svg"), svg);
        return json;
    }
}
