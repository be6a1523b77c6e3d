#!/bin/bash
# Starts the RocketMQ broker with TradeFlow's settings. broker.conf is written here, at each start, because it holds
# the services' secret key (the ACL 2.0 user), which comes from the environment and never from a file.
set -euo pipefail

umask 077
conf=/home/rocketmq/broker.conf
cat >"$conf" <<CONF
brokerClusterName=tradeflow
brokerName=broker-a
brokerId=0
brokerRole=ASYNC_MASTER
namesrvAddr=${NAMESRV_ADDR}
storePathRootDir=/home/rocketmq/store
storePathCommitLog=/home/rocketmq/store/commitlog
# one broker, no replica: an acknowledged message is on disk before the producer hears of it
flushDiskType=SYNC_FLUSH
# every topic is created by rocketmq-topics, none by a typo in a client
autoCreateTopicEnable=false
# as the local stack's broker: check-backs of half messages every 5 s, 60 times (consumer-web's
# transactional-takeover of 6 min is set above this budget)
transactionCheckInterval=5000
transactionCheckMax=60
# only requests signed with the services' key are served (the user below, created in the store on the first
# start; deploy/README.md tells how to change its key)
authenticationEnabled=true
authenticationProvider=org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider
authenticationMetadataProvider=org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider
initAuthenticationUser={"username":"${ROCKETMQ_ACCESS_KEY}","password":"${ROCKETMQ_SECRET_KEY}"}
CONF

# mqbroker starts the JVM through two shell scripts that neither exec it nor pass SIGTERM on. Started in the
# background, this script hands SIGTERM to the whole process group and then waits until the JVM has finished its
# shutdown (commit log flushed, consumer offsets saved) instead of ending, which would kill it with the container.
"$ROCKETMQ_HOME/bin/mqbroker" -c "$conf" &
broker=$!
trap 'trap "" TERM INT; kill -TERM 0' TERM INT
jvm_running() { grep -qsa 'org\.apache\.rocketmq\.broker\.BrokerStartu[p]' /proc/[0-9]*/cmdline; }

status=0
wait "$broker" || status=$?
while jvm_running; do sleep 1; done
exit "$status"
