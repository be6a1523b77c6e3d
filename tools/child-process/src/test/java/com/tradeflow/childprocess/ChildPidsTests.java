package com.tradeflow.childprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildPidsTests {

    private static final int SOME_PORT = 6399;

    @Test
    void shouldFindAChildByItsExecutableAndPort() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ChildPids.find(List.of("sleep"), SOME_PORT))
                    .as("no port argument: the name decides")
                    .hasValue(child.pid());
            assertThat(ChildPids.find(List.of("mariadbd"), SOME_PORT)).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldTellTwoServersApartByThePortInTheirArguments() throws Exception {
        // a shell that keeps running (a second command: no exec) and shows the port among its arguments
        Process other = new ProcessBuilder("sh", "-c", "sleep 30; true", "--port=1234").start();
        Process wanted = new ProcessBuilder("sh", "-c", "sleep 30; true", "--port=" + SOME_PORT).start();
        try {
            // sh is often a link: the OS reports the binary it points to (dash, bash)
            String shell =
                    Path.of(wanted.info().command().orElseThrow()).getFileName().toString();
            assertThat(ChildPids.find(List.of(shell), SOME_PORT)).hasValue(wanted.pid());
        } finally {
            other.destroyForcibly();
            wanted.destroyForcibly();
        }
    }

    @Test
    void shouldReadThePortFromAnAddressLikeRedisShowsIt() throws Exception {
        Process other = new ProcessBuilder("sh", "-c", "sleep 30; true", "127.0.0.1:1234").start();
        Process wanted = new ProcessBuilder("sh", "-c", "sleep 30; true", "127.0.0.1:" + SOME_PORT).start();
        try {
            String shell =
                    Path.of(wanted.info().command().orElseThrow()).getFileName().toString();
            assertThat(ChildPids.find(List.of(shell), SOME_PORT)).hasValue(wanted.pid());
        } finally {
            other.destroyForcibly();
            wanted.destroyForcibly();
        }
    }
}
