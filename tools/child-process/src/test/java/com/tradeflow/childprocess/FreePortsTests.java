package com.tradeflow.childprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    @Test
    void shouldNeverHandOutAPortTwiceNorOneNextToAServerPickedBefore() {
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int broker = FreePorts.pickWith(-2, 1);
            int nacos = FreePorts.pickWith(1000);
            int plain = FreePorts.pick();
            for (int port : new int[] {broker - 2, broker, broker + 1, nacos, nacos + 1000, plain}) {
                assertThat(taken.add(port)).as("port %d handed out twice", port).isTrue();
            }
        }
    }
}
