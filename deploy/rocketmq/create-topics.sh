#!/bin/bash
# Creates every topic the services use (api's EventTopics: the event topics, and each consumer group's retry and
# dead-letter topic), 4 queues each, readable and writable: a dead-lettered event can be replayed from its topic.
# The broker creates no topic on its own (autoCreateTopicEnable=false). Idempotent: run on every `up`.
set -euo pipefail

# mqadmin signs its requests with the keys of this file
umask 077
printf 'accessKey: %s\nsecretKey: %s\n' "$ROCKETMQ_ACCESS_KEY" "$ROCKETMQ_SECRET_KEY" >"$ROCKETMQ_HOME/conf/tools.yml"

# EventTopics.all(), checked by ComposeFileTests
topics=(
	tradeflow-order-events
	tradeflow-wallet-events
	tradeflow-flash-sale-tickets
	%RETRY%account-points %DLQ%account-points
	%RETRY%inventory-sales %DLQ%inventory-sales
	%RETRY%inventory-sales-report %DLQ%inventory-sales-report
	%RETRY%account-top-ups %DLQ%account-top-ups
	%RETRY%web-flash-sale-orders %DLQ%web-flash-sale-orders
)

output=$(mktemp)
for topic in "${topics[@]}"; do
	# mqadmin exits 0 whatever happened: success is the line it prints; until the broker's route reaches the name
	# server, the cluster has no broker to create the topic on
	for attempt in $(seq 1 30); do
		"$ROCKETMQ_HOME/bin/mqadmin" updateTopic -n "$NAMESRV_ADDR" -c tradeflow -t "$topic" -r 4 -w 4 -p 6 \
			>"$output" 2>&1 || true
		if grep -q 'success' "$output"; then
			echo "topic $topic: ready"
			break
		fi
		if [ "$attempt" = 30 ]; then
			cat "$output" >&2
			echo "topic $topic could not be created" >&2
			exit 1
		fi
		sleep 2
	done
done
