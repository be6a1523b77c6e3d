# syntax=docker/dockerfile:1
# The config import (nacos-config's NacosConfigImporter) as a one-shot container: its jar and its runtime
# dependencies, which the build copies next to it first (deploy/README.md):
#   mvn -B -q -pl nacos-config dependency:copy-dependencies -DincludeScope=runtime
FROM eclipse-temurin:17.0.20_8-jre-noble

RUN groupadd --system --gid 10001 tradeflow \
 && useradd --system --uid 10001 --gid tradeflow --home-dir /var/lib/tradeflow --create-home tradeflow

COPY nacos-config/target/dependency/ /opt/tradeflow/lib/
COPY nacos-config/target/nacos-config-*.jar /opt/tradeflow/lib/

USER tradeflow
WORKDIR /var/lib/tradeflow
# arguments: --server-addr HOST:PORT[,HOST:PORT...] [--namespace NS] [--username U --password P] [--dry-run]
ENTRYPOINT ["java", "-cp", "/opt/tradeflow/lib/*", "com.tradeflow.nacosconfig.NacosConfigImporter"]
