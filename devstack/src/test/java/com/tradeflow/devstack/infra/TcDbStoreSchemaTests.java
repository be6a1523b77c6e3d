package com.tradeflow.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.seata.config.SeataServerOptions.DbStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TC's db store schema as {@link CoordinatorCluster} applies it at every start of a TC cluster. */
class TcDbStoreSchemaTests {

    @Test
    void shouldCreateTheFourTablesAndTheJobLocksWithStatementsThatCanRunAgain() {
        List<String> statements = DbStore.schemaStatements();

        assertThat(statements)
                .extracting(sql -> sql.split("\\s+")[0] + " " + sql.split("\\s+")[1])
                .containsExactly("CREATE TABLE", "CREATE TABLE", "CREATE TABLE", "CREATE TABLE", "INSERT IGNORE");
        assertThat(statements.subList(0, 4))
                .allSatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS"))
                .extracting(sql -> sql.split("\\s+")[5])
                .containsExactly("global_table", "branch_table", "lock_table", "distributed_lock");
        assertThat(statements).noneMatch(sql -> sql.contains("--"));
    }

    @Test
    void shouldNeverPrintTheStorePassword() {
        assertThat(new DbStore("jdbc:mysql://db:3306/seata", "seata", "s3cret").toString())
                .contains("jdbc:mysql://db:3306/seata", "seata")
                .doesNotContain("s3cret");
    }
}
