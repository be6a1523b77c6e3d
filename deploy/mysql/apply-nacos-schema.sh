#!/bin/bash
# Applies Nacos' MySQL schema, as the pinned nacos-server image ships it (copied to /nacos-schema by
# nacos-schema-export), to nacos_config. Its CREATE TABLE statements have no IF NOT EXISTS, so it runs only while
# the database has no config_info table: on the first start, never over a running cluster's data.
set -euo pipefail

schema=/nacos-schema/mysql-schema.sql
[ -s "$schema" ] || { echo "no Nacos schema at $schema: did nacos-schema-export run?" >&2; exit 1; }

# the password in an option file, not on the command line
umask 077
options=$(mktemp)
trap 'rm -f "$options"' EXIT
password=${NACOS_DB_PASSWORD//\\/\\\\}
printf '[client]\nhost=%s\nuser=nacos\npassword="%s"\n' "$MYSQL_HOST" "${password//\"/\\\"}" >"$options"

nacos_db() { mysql --defaults-extra-file="$options" --batch --skip-column-names nacos_config "$@"; }

tables=$(nacos_db -e "SELECT COUNT(*) FROM information_schema.tables
                      WHERE table_schema = 'nacos_config' AND table_name = 'config_info'")
if [ "$tables" = 0 ]; then
	nacos_db <"$schema"
	echo "Nacos schema applied to nacos_config"
else
	echo "nacos_config already has Nacos' tables: nothing to do"
fi
