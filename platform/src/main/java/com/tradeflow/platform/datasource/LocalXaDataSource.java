package com.tradeflow.platform.datasource;

import com.atomikos.jdbc.AtomikosDataSourceBean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.util.List;

/**
 * A ShardingSphere data source of XA transaction type (see {@link ShardedDataSources#localXa}) with the Atomikos
 * pools under it, which it closes with itself, before {@link LocalXa} stops.
 */
public final class LocalXaDataSource extends DelegatingDataSource implements AutoCloseable {

    private final List<AtomikosDataSourceBean> pools;

    LocalXaDataSource(DataSource shardingSphere, List<AtomikosDataSourceBean> pools) {
        super(shardingSphere);
        this.pools = List.copyOf(pools);
    }

    @Override
    public void close() throws Exception {
        try {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } finally {
            pools.forEach(AtomikosDataSourceBean::close);
        }
    }
}
