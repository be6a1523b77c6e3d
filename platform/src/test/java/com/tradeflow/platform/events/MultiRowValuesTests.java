package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowValuesTests {

    @Test
    void shouldWriteAPlaceholderGroupPerRowAndTheValuesRowByRow() {
        assertThat(MultiRowValues.placeholders(3, 2)).isEqualTo("(?, ?), (?, ?), (?, ?)");
        assertThat(MultiRowValues.values(List.of(1L, 2L), id -> List.of(id, "x" + id)))
                .containsExactly(1L, "x1", 2L, "x2");
    }
}
