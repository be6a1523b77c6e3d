package com.tradeflow.web.system;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The id generator, with its worker id leased in the first order database ({@link WorkerIdLease}). */
@Configuration(proxyBeanMethods = false)
class IdGeneratorConfiguration {

    private static final int HOLDER_RANDOM_CHARS = 8;
    private static final int HOLDER_MAX = 128;

    @Bean(destroyMethod = "close")
    WorkerIdLease workerIdLease(
            BranchTypeRoutingDataSource dataSource,
            @Value("${tradeflow.orders.worker-id:}") String workerId,
            @Value("${tradeflow.orders.worker-lease}") Duration length,
            @Value("${server.port}") int port) {
        return WorkerIdLease.acquire(
                new JdbcTemplate(dataSource.physicalPools().get(0)), holder(port), preferred(workerId), length);
    }

    private static OptionalInt preferred(String workerId) {
        if (workerId.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(workerId.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "tradeflow.orders.worker-id (ORDER_WORKER_ID) must be a number 0.." + WorkerIdLease.MAX_WORKER
                            + ", not '" + workerId + "'",
                    e);
        }
    }

    @Bean
    IdGenerator idGenerator(WorkerIdLease lease) {
        return new IdGenerator(lease);
    }

    /**
     * This process: the machine's name and the port, for people reading the table, and a random part, so that no
     * other process is ever the same holder (two hosts of one name, a restart, port 0).
     */
    private static String holder(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String unique = UUID.randomUUID().toString().substring(0, HOLDER_RANDOM_CHARS);
        String name = host + ":" + port + ":" + unique;
        // the column holds 128 characters: a long host name gives way, the port and the random part stay
        return name.length() <= HOLDER_MAX ? name : name.substring(name.length() - HOLDER_MAX);
    }
}
