package com.tradeflow.web.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.web.order.TransactionMode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlashSaleTests {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant END = Instant.parse("2026-12-02T10:10:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void shouldBeActiveFromItsStartUntilJustBeforeItsEnd() {
        FlashSale sale = new FlashSale(1, 3, 100, 499, START, END, 1);
        assertThat(sale.activeAt(START.minusMillis(1))).isFalse();
        assertThat(sale.activeAt(START)).isTrue();
        assertThat(sale.activeAt(END.minusMillis(1))).isTrue();
        assertThat(sale.activeAt(END)).isFalse();
    }

    @Test
    void shouldRefuseASaleThatEndsBeforeItStarts() {
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 100, 499L, END, START, 1)))
                .extracting(v -> v.getMessage())
                .containsExactly("endsAt must be after startsAt");
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 100, 499L, START, END, 1)))
                .isEmpty();
    }

    @Test
    void shouldRefuseAbsurdQuantitiesPricesAndLimits() {
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 0, 499L, START, END, 1)))
                .hasSize(1);
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 100_001, 499L, START, END, 1)))
                .hasSize(1);
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 100, 0L, START, END, 1)))
                .hasSize(1);
        assertThat(validator.validate(new OpenFlashSaleRequest(3L, 100, 499L, START, END, 101)))
                .hasSize(1);
        assertThat(validator.validate(new OpenFlashSaleRequest(null, 100, 499L, START, END, 1)))
                .hasSize(1);
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> settings(0, TransactionMode.TCC, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(10, TransactionMode.LOCAL, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(10, TransactionMode.TCC, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(10, TransactionMode.AT, MINUTE).orderRate()).isEqualTo(10);
    }

    private static FlashSaleProperties settings(int rate, TransactionMode mode, Duration claimLease) {
        return new FlashSaleProperties(
                true, rate, mode, 120, Duration.ofSeconds(30), claimLease, Duration.ofMinutes(5));
    }
}
