package com.tradeflow.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.platform.crypto.SharedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokenFilterTests {

    private static final String TOKEN = "a".repeat(SharedSecrets.MIN_LENGTH);

    @Test
    void shouldRefuseToStartWithAShortToken() {
        assertThatThrownBy(() -> new AdminTokenFilter("short-secret", new ObjectMapper()))
                .hasMessageContaining("at least " + SharedSecrets.MIN_LENGTH);
    }

    @Test
    void shouldLetTheTokenThroughAndRefuseOthers() throws Exception {
        AdminTokenFilter filter = new AdminTokenFilter(TOKEN, new ObjectMapper());
        assertThat(status(filter, "Bearer " + TOKEN)).isEqualTo(200);
        assertThat(status(filter, "Bearer " + TOKEN.substring(1))).isEqualTo(401);
        assertThat(status(filter, null)).isEqualTo(401);
    }

    @Test
    void shouldRefuseEveryAdminRequestWithoutAConfiguredToken() throws Exception {
        AdminTokenFilter filter = new AdminTokenFilter("", new ObjectMapper());
        assertThat(status(filter, "Bearer ")).isEqualTo(401);
        assertThat(status(filter, "Bearer " + TOKEN)).isEqualTo(401);
    }

    private static int status(AdminTokenFilter filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/outbox");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
