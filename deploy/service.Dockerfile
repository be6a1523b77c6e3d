# syntax=docker/dockerfile:1
# One image per TradeFlow service, from the Spring Boot jar the Maven build made:
#   docker build -f deploy/service.Dockerfile --build-arg MODULE=provider-inventory .   (from the repository root)
# compose.yaml builds the three services this way. Only the jars enter the build context
# (service.Dockerfile.dockerignore).
FROM eclipse-temurin:17.0.20_8-jre-noble

ARG MODULE
RUN test -n "$MODULE" || { echo "build with --build-arg MODULE=<provider-inventory|provider-account|consumer-web>" >&2; exit 1; }

# Not root. Its home takes what nacos-client keeps under ~ (caches, logs); /var/lib/tradeflow/data is where a
# volume keeps what must survive the container (provider-account's XA transaction log): created here so that a
# new volume mounted there belongs to this user.
RUN groupadd --system --gid 10001 tradeflow \
 && useradd --system --uid 10001 --gid tradeflow --home-dir /var/lib/tradeflow --create-home tradeflow \
 && install -d -o tradeflow -g tradeflow -m 0700 /var/lib/tradeflow/data

COPY ${MODULE}/target/${MODULE}.jar /opt/tradeflow/app.jar

USER tradeflow
WORKDIR /var/lib/tradeflow
# heap from the container's memory limit, leaving the rest for metaspace, threads and Netty's direct buffers; an
# OutOfMemoryError ends the process, and the restart policy starts a new one
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60.0 -XX:+ExitOnOutOfMemoryError"
# the JVM is PID 1 (exec), so SIGTERM reaches it and the service shuts down gracefully; the prod profile is not
# optional in this image (MySQL driver, no demo data, test-only switches refused)
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/tradeflow/app.jar --spring.profiles.active=prod \"$@\"", "--"]
