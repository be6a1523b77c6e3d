package com.tradeflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AnswerTests {

    @Test
    void shouldLabelSuccessesByStatusAndRefusalsWithTheirCode() {
        assertThat(Answer.of(201, "{\"orderId\":\"7\"}").label()).isEqualTo("201");
        assertThat(Answer.of(429, "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}")
                        .label())
                .isEqualTo("429 RATE_LIMITED");
        assertThat(Answer.of(502, "<html>bad gateway</html>").label()).isEqualTo("502");
        assertThat(Answer.failed(new IOException("refused")).label()).isEqualTo("no answer (IOException)");
    }

    @Test
    void shouldReadATopLevelField() {
        assertThat(Answer.of(201, "{\"orderId\":\"118874450337730560\",\"amount\":999}")
                        .field("orderId"))
                .hasValue("118874450337730560");
        assertThat(Answer.of(201, "{\"amount\":999}").field("amount")).hasValue("999");
        assertThat(Answer.of(201, "not json").field("orderId")).isEmpty();
        assertThat(Answer.of(201, null).field("orderId")).isEmpty();
    }
}
