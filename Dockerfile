# Production image: builds the app (Java 17 + the sidebar's Node build) and runs the packaged Quarkus app on MySQL.
#   docker build -t qingke .
#   docker run -p 8080:8080 -e QINGKE_DB_URL=jdbc:mysql://db:3306/qingke -e QINGKE_DB_USER=... -e QINGKE_DB_PASSWORD=... \
#              -e QINGKE_SESSION_SECRET=... -e WECOM_CORP_ID=... (see README "Configure for production") qingke
FROM node:20-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline || true
COPY sidebar-web sidebar-web
COPY src src
COPY rules rules
RUN ./mvnw -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 qingke
WORKDIR /app
COPY --from=build --chown=qingke /src/target/quarkus-app /app
# Rules stay outside the jar so a business admin can edit them (mount a volume over /app/rules to keep edits).
COPY --from=build --chown=qingke /src/rules /app/rules
ENV QINGKE_RULES_DIR=/app/rules \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75"
USER 1001
EXPOSE 8080
CMD ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
