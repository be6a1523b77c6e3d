package com.tradeflow.bench.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DataSetupTests {

    @Test
    void shouldPriceAddedProductsModestlyAndTheSameEveryTime() {
        LongStream.rangeClosed(1, 5000)
                .forEach(sku -> assertThat(DataSetup.priceOf(sku))
                        .isBetween(DataSetup.LOWEST_PRICE_CENTS, DataSetup.HIGHEST_PRICE_CENTS));
        assertThat(DataSetup.priceOf(1234)).isEqualTo(DataSetup.priceOf(1234));
        assertThat(LongStream.rangeClosed(1, 100)
                        .map(DataSetup::priceOf)
                        .distinct()
                        .count())
                .as("spread")
                .isGreaterThan(90);
    }

    @Test
    void shouldGiveWalletsMoneyForMillionsOfPurchasesAtTheHighestPrice() {
        assertThat(DataSetup.AMPLE_BALANCE_CENTS / DataSetup.HIGHEST_PRICE_CENTS)
                .isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void shouldWriteOnePlaceholderGroupPerRow() {
        assertThat(DataSetup.placeholders("(?, ?)", 3)).isEqualTo("(?, ?), (?, ?), (?, ?)");
    }
}
