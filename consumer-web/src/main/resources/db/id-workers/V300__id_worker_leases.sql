-- Which consumer-web instance mints ids with which worker id (IdGenerator's 10 bits), in the first order database
-- only: a lease, renewed while the instance lives, so that no two live instances share a worker id and mint the
-- same order id. The expiry is in the database's UTC clock, the same for every instance.
CREATE TABLE id_worker_leases (
    worker_id  INT          NOT NULL PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL COMMENT 'the process: host:port:random',
    expires_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uq_id_worker_leases_holder (holder)
);
