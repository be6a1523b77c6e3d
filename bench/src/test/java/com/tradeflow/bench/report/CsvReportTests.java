package com.tradeflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTests {

    @Test
    void shouldWriteOneRowPerModeWithPerUnitColumns() {
        String[] lines = CsvReport.render(Reports.localAndAt()).split("\n");

        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo("scenario,mode,operation,requests,successes,per_second,p50_ms,p90_ms,p99_ms,"
                        + "p999_ms,max_ms,ratio_to_local,answers,cpu_ms_per_purchase_total,cpu_ms_per_purchase_mariadb,"
                        + "cpu_ms_per_purchase_consumer-web,sql_per_purchase_total,sql_per_purchase_select,"
                        + "sql_per_purchase_insert,sql_per_purchase_update,sql_per_purchase_delete,sql_per_purchase_commit,"
                        + "sql_per_purchase_rollback,sql_per_purchase_set_option,sql_per_purchase_xa,sql_per_purchase_other,"
                        + "loadgen_cpu_ms_per_request");
        assertThat(lines[1])
                .startsWith("purchases,LOCAL,place,1000,1000,100.0,10.0,10.0,10.0,10.0,10.0,1.00,201=1000,"
                        + "10.00,4.00,6.00,20.00,4.00,");
        assertThat(lines[2])
                .startsWith("purchases,AT,place,510,500,50.0,")
                .contains(",0.50,\"201=500, 409 CONCURRENT_UPDATE=10\",20.00,8.00,12.00,50.00,");
    }

    @Test
    void shouldQuoteFieldsWithCommasAndQuotes() {
        assertThat(CsvReport.line(List.of("a", "b,c", "say \"hi\""))).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"\n");
    }
}
