package com.tradeflow.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a run's files go: {@code <out>/<yyyyMMdd-HHmmss>[-n]/}, a new directory per run. */
public final class ReportFiles {

    public static final String MARKDOWN = "report.md";
    public static final String CSV = "results.csv";
    private static final DateTimeFormatter DIRECTORY = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReportFiles() {}

    /** Creates the run's directory; a second run in the same second gets a suffix. */
    public static Path newRunDirectory(Path out, LocalDateTime startedAt) throws IOException {
        String name = DIRECTORY.format(startedAt);
        Path dir = out.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = out.resolve(name + "-" + n);
        }
        return Files.createDirectories(dir);
    }

    public static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
