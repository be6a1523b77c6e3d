package com.tradeflow.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "100000", "999999999999999999"})
    void positiveDecimalsOfUpTo18DigitsAreUserIds(String text) {
        assertThat(UserIds.isUserId(text)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "007", "-1", "+1", " 1", "1 ", "1e3", "admin", "1000000000000000000", "٣"})
    void anythingElseIsNot(String text) {
        assertThat(UserIds.isUserId(text)).isFalse();
    }
}
