-- Seata TC 2.0 session store in MySQL 8 (store.mode=db), for production clusters of TCs.
-- The local stack does not need it: its single TC keeps sessions in files.
-- The TC reads and writes these tables by name and column; they follow the layout Seata 2.0 defines.

CREATE TABLE IF NOT EXISTS global_table (
    xid                       VARCHAR(128)  NOT NULL PRIMARY KEY,
    transaction_id            BIGINT,
    status                    TINYINT       NOT NULL,
    application_id            VARCHAR(32),
    transaction_service_group VARCHAR(32),
    transaction_name          VARCHAR(128),
    timeout                   INT,
    begin_time                BIGINT,
    application_data          VARCHAR(2000),
    gmt_create                DATETIME,
    gmt_modified              DATETIME,
    KEY idx_status_gmt_modified (status, gmt_modified),
    KEY idx_transaction_id (transaction_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS branch_table (
    branch_id         BIGINT        NOT NULL PRIMARY KEY,
    xid               VARCHAR(128)  NOT NULL,
    transaction_id    BIGINT,
    resource_group_id VARCHAR(32),
    resource_id       VARCHAR(256),
    branch_type       VARCHAR(8),
    status            TINYINT,
    client_id         VARCHAR(64),
    application_data  VARCHAR(2000),
    gmt_create        DATETIME(6),
    gmt_modified      DATETIME(6),
    KEY idx_xid (xid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Global row locks of AT branches: one row per locked business row.
CREATE TABLE IF NOT EXISTS lock_table (
    row_key        VARCHAR(128) NOT NULL PRIMARY KEY,
    xid            VARCHAR(128),
    transaction_id BIGINT,
    branch_id      BIGINT       NOT NULL,
    resource_id    VARCHAR(256),
    table_name     VARCHAR(32),
    pk             VARCHAR(36),
    status         TINYINT      NOT NULL DEFAULT 0 COMMENT '0 locked, 1 rolling back',
    gmt_create     DATETIME,
    gmt_modified   DATETIME,
    KEY idx_status (status),
    KEY idx_branch_id (branch_id),
    KEY idx_xid (xid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which TC of the cluster runs each background job.
CREATE TABLE IF NOT EXISTS distributed_lock (
    lock_key   CHAR(20)    NOT NULL PRIMARY KEY,
    lock_value VARCHAR(20) NOT NULL,
    expire     BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT IGNORE INTO distributed_lock (lock_key, lock_value, expire) VALUES
    ('AsyncCommitting', ' ', 0),
    ('RetryCommitting', ' ', 0),
    ('RetryRollbacking', ' ', 0),
    ('TxTimeoutCheck', ' ', 0);
