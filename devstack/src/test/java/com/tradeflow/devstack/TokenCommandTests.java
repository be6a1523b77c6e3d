package com.tradeflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTests {

    @TempDir
    Path workDir;

    @Test
    void refusesArgumentsThatNameNoUser() {
        assertThat(TokenCommand.run(List.of(), workDir)).isEqualTo(2);
        assertThat(TokenCommand.run(List.of("--user"), workDir)).isEqualTo(2);
        assertThat(TokenCommand.run(List.of("--user", "07"), workDir)).isEqualTo(2);
        assertThat(TokenCommand.run(List.of("--user", "admin"), workDir)).isEqualTo(2);
        assertThat(TokenCommand.run(List.of("--admin", "--user", "1"), workDir)).isEqualTo(2);
    }

    @Test
    void failsWhenNoStackRunsFromTheDirectory() {
        assertThat(TokenCommand.run(List.of("--user", "1"), workDir)).isEqualTo(1);
    }
}
