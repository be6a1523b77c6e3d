package com.tradeflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class CallerTests {

    private final Caller caller = new Caller(7);

    @Test
    void aBodyActsForTheCallerWhenItNamesNoneOrTheCaller() {
        assertThat(caller.actsFor(null)).isEqualTo(7);
        assertThat(caller.actsFor(7L)).isEqualTo(7);
    }

    @Test
    void aBodyNamingAnotherUserIsForbidden() {
        assertThatThrownBy(() -> caller.actsFor(8L))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void anotherUsersThingsAreNotFound() {
        caller.requireOwner(7, "order 1");
        assertThatThrownBy(() -> caller.requireOwner(8, "order 2"))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void theCallerIsTheNumericSubjectOfAJwtOnly() {
        assertThat(CallerArgumentResolver.caller(TestCallers.token("42"))).isEqualTo(new Caller(42));
        for (String notAUser : new String[] {"admin", "042", "0", "-1", "1e3", ""}) {
            assertThatThrownBy(() -> CallerArgumentResolver.caller(TestCallers.token(notAUser)))
                    .as(notAUser)
                    .isInstanceOf(BusinessException.class);
        }
        assertThatThrownBy(() -> CallerArgumentResolver.caller(new AdminTokenAuthenticationProvider.AdminToken()))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> CallerArgumentResolver.caller(null)).isInstanceOf(BusinessException.class);
    }
}
