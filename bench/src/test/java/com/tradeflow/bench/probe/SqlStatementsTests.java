package com.tradeflow.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlStatementsTests {

    private static final Map<String, Long> BEFORE = Map.of(
            "Questions",
            1000L,
            "Com_select",
            400L,
            "Com_insert",
            100L,
            "Com_update",
            50L,
            "Com_commit",
            30L,
            "Com_set_option",
            200L,
            "Com_xa_start",
            5L,
            "Com_show_status",
            10L);

    @Test
    void shouldCountEachKindFromItsCounters() {
        Map<String, Long> after = Map.ofEntries(
                Map.entry("Questions", 1500L),
                Map.entry("Com_select", 600L),
                Map.entry("Com_insert", 150L),
                Map.entry("Com_insert_select", 10L),
                Map.entry("Com_update", 80L),
                Map.entry("Com_update_multi", 1L),
                Map.entry("Com_commit", 50L),
                Map.entry("Com_set_option", 290L),
                Map.entry("Com_xa_start", 9L),
                Map.entry("Com_xa_end", 4L),
                Map.entry("Com_show_status", 11L));

        SqlStatements sql = SqlStatements.between(BEFORE, after);

        assertThat(sql.total()).isEqualTo(500);
        assertThat(sql.count("select")).isEqualTo(200);
        assertThat(sql.count("insert")).as("insert and insert ... select").isEqualTo(60);
        assertThat(sql.count("update")).isEqualTo(31);
        assertThat(sql.count("commit")).isEqualTo(20);
        assertThat(sql.count("set_option")).isEqualTo(90);
        assertThat(sql.count("xa")).as("xa start and end").isEqualTo(8);
        assertThat(sql.count("delete")).isZero();
        assertThat(sql.count("other"))
                .as("the rest of Questions: SHOW ...")
                .isEqualTo(500 - 200 - 60 - 31 - 20 - 90 - 8);
        assertThat(sql.byKind().keySet()).containsExactlyElementsOf(SqlStatements.KINDS);
    }

    @Test
    void shouldIgnoreTheCaseOfVariableNames() {
        SqlStatements sql = SqlStatements.between(
                Map.of("QUESTIONS", 1L, "COM_SELECT", 1L), Map.of("questions", 3L, "com_select", 2L));
        assertThat(sql.total()).isEqualTo(2);
        assertThat(sql.count("select")).isEqualTo(1);
    }

    @Test
    void shouldNeverCountBackwardsWhenAServerRestartedInBetween() {
        SqlStatements sql = SqlStatements.between(BEFORE, Map.of("Questions", 10L, "Com_select", 3L));
        assertThat(sql.total()).isZero();
        assertThat(sql.byKind().values()).allMatch(count -> count >= 0);
    }
}
