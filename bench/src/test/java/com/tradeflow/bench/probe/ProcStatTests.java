package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcStatTests {

    /** A real line of a JVM: utime 1520, stime 311 (fields 14 and 15). */
    private static final String JAVA = "4242 (java) S 1 4242 4242 0 -1 4194560 123456 0 12 0 1520 311 0 0 20 0 57 0 "
            + "1234567 3456789012 98765 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

    @Test
    void shouldAddUserAndSystemTicks() {
        assertThat(ProcStat.cpuTicks(JAVA)).isEqualTo(1520 + 311);
    }

    @Test
    void shouldCountFieldsAfterACommandNameWithSpacesAndParentheses() {
        String odd = JAVA.replace("(java)", "(my (odd) server)");
        assertThat(ProcStat.cpuTicks(odd)).isEqualTo(1831);
    }

    @Test
    void shouldRefuseWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.cpuTicks("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuTicks("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadThisJvmsOwnStat() throws Exception {
        Path self = Path.of("/proc/self/stat");
        Assumptions.assumeTrue(Files.exists(self), "Linux only");
        assertThat(ProcStat.cpuTicks(Files.readString(self))).isPositive();
    }
}
