package com.tradeflow.gatewaysim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultChangesTests {

    @Test
    void shouldChangeOnlyTheNamedSettings() {
        Faults changed = FaultChanges.apply(Faults.none(), Map.of("errorRate", 0.25, "latencyMillis", 40));

        assertThat(changed.errorRate()).isEqualTo(0.25);
        assertThat(changed.latencyMillis()).isEqualTo(40);
        assertThat(changed.timeoutDelayMillis()).isEqualTo(Faults.DEFAULT_TIMEOUT_DELAY_MILLIS);
        assertThat(changed.failedRate()).isZero();
        assertThat(changed.seed()).isNull();
    }

    @Test
    void shouldAcceptWholeNumbersWrittenAsDecimalsAndClearTheSeedWithNull() {
        Faults seeded = FaultChanges.apply(Faults.none(), Map.of("seed", 7, "timeoutDelayMillis", 1500.0));
        Map<String, Object> clear = new HashMap<>();
        clear.put("seed", null);

        assertThat(seeded.seed()).isEqualTo(7L);
        assertThat(seeded.timeoutDelayMillis()).isEqualTo(1500);
        assertThat(FaultChanges.apply(seeded, clear).seed()).isNull();
    }

    @Test
    void shouldRefuseRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("errorRate", 1.01)))
                .hasMessageContaining("errorRate");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("failedRate", -0.1)))
                .hasMessageContaining("failedRate");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("outOfOrderRate", Double.NaN)))
                .hasMessageContaining("outOfOrderRate");
    }

    @Test
    void shouldRefuseUnknownNamesWrongTypesAndBadDelays() {
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("errorrate", 0.1)))
                .hasMessageContaining("unknown fault setting: errorrate");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("timeoutRate", "0.5")))
                .hasMessageContaining("timeoutRate must be a number");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("latencyMillis", 1.5)))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("latencyMillis", -1)))
                .hasMessageContaining("latencyMillis must be between");
        assertThatThrownBy(() -> FaultChanges.apply(Faults.none(), Map.of("seed", BigInteger.TEN.pow(30))))
                .hasMessageContaining("seed");
    }
}
