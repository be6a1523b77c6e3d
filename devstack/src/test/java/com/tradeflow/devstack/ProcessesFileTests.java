package com.tradeflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesFileTests {

    @TempDir
    Path workDir;

    @Test
    void shouldWriteOneNameEqualsPidLinePerProcessInOrder() throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("devstack", 10L);
        pids.put("mariadb", 11L);
        pids.put("consumer-web", 12L);

        ProcessesFile.write(workDir, pids);

        assertThat(Files.readAllLines(ProcessesFile.in(workDir)).stream().filter(l -> !l.startsWith("#")))
                .containsExactly("devstack=10", "mariadb=11", "consumer-web=12");
    }

    @Test
    void shouldReplaceTheFileWhenAProcessRestarts() throws Exception {
        ProcessesFile.write(workDir, Map.of("consumer-web", 12L));
        ProcessesFile.write(workDir, Map.of("consumer-web", 13L));

        assertThat(Files.readString(ProcessesFile.in(workDir)))
                .contains("consumer-web=13")
                .doesNotContain("consumer-web=12");
        try (var files = Files.list(workDir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }
}
