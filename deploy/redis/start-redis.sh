#!/bin/sh
# Starts Redis with its password in a config file, not on its command line, which any process on the host can read.
# Redis is a cache here: product entries, the writers of the fenced cache, flash-sale counters. It writes nothing to
# disk; after a restart the services rebuild what they need (deploy/README.md, "State"). It must never evict a key:
# an evicted writer entry is a forgotten write (consumer-web/README.md), so a full Redis refuses writes instead.
set -eu

umask 077
conf=$(mktemp /tmp/redis-XXXXXX.conf)
escaped=$(printf '%s' "$REDIS_PASSWORD" | sed 's/[\\"]/\\&/g')
printf 'requirepass "%s"\n' "$escaped" >"$conf"
# the image's entrypoint runs the server as user redis
chown redis:redis "$conf"

exec docker-entrypoint.sh redis-server "$conf" \
	--save "" --appendonly no \
	--maxmemory 512mb --maxmemory-policy noeviction
