# Sourced (not run: it uses the entrypoint's docker_process_sql) by the mysql image's entrypoint, on the first
# start with an empty data directory only, after the image created the seata database and user (MYSQL_DATABASE,
# MYSQL_USER) and before 20-seata-db-store.sql. Creates TradeFlow's five databases and Nacos', and one user per
# service with rights on its own databases only. Each service creates its tables itself (Flyway, at start).

if ! declare -F docker_process_sql >/dev/null; then
	echo "10-databases.sh must be sourced by the mysql image's entrypoint: mount it without the executable bit" >&2
	exit 1
fi

# A password as an SQL string literal, whatever it contains.
tradeflow_sql_string() {
	local value=${1//\\/\\\\}
	value=${value//\'/\\\'}
	printf "'%s'" "$value"
}

mysql_note "creating the TradeFlow and Nacos databases and their users"
docker_process_sql --database=mysql <<-EOSQL
	CREATE DATABASE IF NOT EXISTS tradeflow_inventory CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS tradeflow_account_0 CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS tradeflow_account_1 CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS tradeflow_order_0 CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS tradeflow_order_1 CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS nacos_config CHARACTER SET utf8mb4;

	CREATE USER IF NOT EXISTS 'provider_inventory'@'%' IDENTIFIED BY $(tradeflow_sql_string "$INVENTORY_DB_PASSWORD");
	CREATE USER IF NOT EXISTS 'provider_account'@'%' IDENTIFIED BY $(tradeflow_sql_string "$ACCOUNT_DB_PASSWORD");
	CREATE USER IF NOT EXISTS 'consumer_web'@'%' IDENTIFIED BY $(tradeflow_sql_string "$WEB_DB_PASSWORD");
	CREATE USER IF NOT EXISTS 'nacos'@'%' IDENTIFIED BY $(tradeflow_sql_string "$NACOS_DB_PASSWORD");

	-- an underscore is a wildcard in the database name of a grant: escaped, each grant names one database
	GRANT ALL PRIVILEGES ON \`tradeflow\_inventory\`.* TO 'provider_inventory'@'%';
	GRANT ALL PRIVILEGES ON \`tradeflow\_account\_0\`.* TO 'provider_account'@'%';
	GRANT ALL PRIVILEGES ON \`tradeflow\_account\_1\`.* TO 'provider_account'@'%';
	GRANT ALL PRIVILEGES ON \`tradeflow\_order\_0\`.* TO 'consumer_web'@'%';
	GRANT ALL PRIVILEGES ON \`tradeflow\_order\_1\`.* TO 'consumer_web'@'%';
	GRANT ALL PRIVILEGES ON \`nacos\_config\`.* TO 'nacos'@'%';

	-- XA RECOVER lists a prepared branch left by a crashed connection only to a user with this privilege: the
	-- Seata XA mode (every service) and the transfers of provider-account (Atomikos) finish such branches after a
	-- restart
	GRANT XA_RECOVER_ADMIN ON *.* TO 'provider_inventory'@'%', 'provider_account'@'%', 'consumer_web'@'%';
EOSQL
