package com.tradeflow.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferIdTests {

    @Test
    void shouldNameTheSameTransferForTheSamePayerAndKey() {
        assertThat(TransferController.transferId(1, "key-1")).isEqualTo(TransferController.transferId(1, "key-1"));
    }

    @Test
    void shouldScopeTheKeyToThePayer() {
        assertThat(TransferController.transferId(1, "key-1")).isNotEqualTo(TransferController.transferId(2, "key-1"));
        assertThat(TransferController.transferId(1, "key-1")).isNotEqualTo(TransferController.transferId(1, "key-2"));
    }

    @Test
    void shouldBeAUuidThatFitsTheLedgerColumn() {
        String id = TransferController.transferId(42, "x".repeat(64));
        assertThat(id).hasSize(36);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
