package com.tradeflow.seata.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeataServerProcessTests {

    private static final Path STORE = Path.of("/tmp/tc/store");
    private static final Path LOGS = Path.of("/tmp/tc/logs");
    private final SeataServerOptions options =
            SeataServerOptions.of(Path.of("/tmp/tc/lib"), Path.of("/tmp/tc")).withNacos("127.0.0.1:8848");

    @Test
    void shouldLeaveTheServerSettingsToTheConfigurationUnlessGiven() {
        List<String> command = SeataServerProcess.command(options, STORE, LOGS);

        assertThat(command).noneMatch(argument -> argument.startsWith("-Dserver.retry"));
    }

    @Test
    void shouldPassGivenServerSettingsAsSystemPropertiesBeforeTheMainClass() {
        List<String> command = SeataServerProcess.command(
                options.withSettings(Map.of("server.retryDeadThreshold", "20000")), STORE, LOGS);

        assertThat(command).contains("-Dserver.retryDeadThreshold=20000");
        assertThat(command.indexOf("-Dserver.retryDeadThreshold=20000"))
                .isLessThan(command.indexOf("io.seata.server.ServerApplication"));
    }

    @Test
    void shouldCompileWithC1OnlyForAQuickStartAndWithC2Otherwise() {
        assertThat(SeataServerProcess.command(options, STORE, LOGS)).doesNotContain("-XX:TieredStopAtLevel=1");

        List<String> quick = SeataServerProcess.command(options.withQuickStart(true), STORE, LOGS);
        assertThat(quick).contains("-XX:TieredStopAtLevel=1");
        assertThat(quick.indexOf("-XX:TieredStopAtLevel=1"))
                .isLessThan(quick.indexOf("io.seata.server.ServerApplication"));
    }

    @Test
    void shouldKeepSessionsInFilesUnlessADatabaseIsGivenWhosePasswordTheOptionsNeverPrint() {
        assertThat(SeataServerProcess.storeSettings(options, STORE))
                .containsEntry("store.mode", "file")
                .containsEntry("store.file.dir", STORE.toString());

        SeataServerOptions clustered = options.withDbStore(
                new SeataServerOptions.DbStore("jdbc:mysql://127.0.0.1:3306/tradeflow_seata", "root", "secret"));
        assertThat(SeataServerProcess.storeSettings(clustered, STORE))
                .containsEntry("store.mode", "db")
                .containsEntry("store.db.url", "jdbc:mysql://127.0.0.1:3306/tradeflow_seata");
        assertThat(clustered.dbStore().toString()).doesNotContain("secret");
    }
}
