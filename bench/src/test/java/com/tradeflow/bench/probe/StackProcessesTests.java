package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackProcessesTests {

    @Test
    void shouldReadNameEqualsPidLinesInFileOrder() {
        assertThat(StackProcesses.parse("# comment\ndevstack=10\n\nmariadb = 11\nconsumer-web=12\n"))
                .containsExactly(Map.entry("devstack", 10L), Map.entry("mariadb", 11L), Map.entry("consumer-web", 12L));
    }

    @Test
    void shouldSkipLinesThatAreNotAPid() {
        assertThat(StackProcesses.parse("redis=\n=12\nbroker=abc\nseata-tc=13")).containsOnlyKeys("seata-tc");
    }

    @Test
    void shouldBeEmptyWithoutAFile(@TempDir Path dir) throws Exception {
        assertThat(StackProcesses.read(dir)).isEmpty();
        Files.writeString(dir.resolve(StackProcesses.FILE_NAME), "consumer-web=7\n");
        assertThat(StackProcesses.read(dir)).containsEntry("consumer-web", 7L);
    }
}
