# syntax=docker/dockerfile:1
# Upstream documentation's recommended Dockerfile for Java, written as that documentation says:
# Docker docs, Java language guide: "Containerize a Java application"
# (https://docs.docker.com/guides/java/containerize/), tab "Manually create assets" (the file
# `docker init` writes for a Spring Boot uber jar): a deps stage (`dependency:go-offline` with pom.xml
# bind-mounted and a cache mount on /root/.m2), a package stage (`package`, the jar renamed to
# app.jar via `help:evaluate`), an extract stage (Spring Boot jarmode=layertools) and a final stage
# on the JRE with a non-root user running Spring's JarLauncher. Java 17, port 8080.
# bench/workloads/java has no Maven wrapper: `mvn` on maven:3-eclipse-temurin-17 stands in for
# `./mvnw` on eclipse-temurin:17-jdk-jammy (the wrapper would also download Maven on a cold build,
# so this can only favour upstream). Context: apps/api (bench/workloads/java).
# Lab mapping (bench/competitors.ts adaptForLab): eclipse-temurin:17-jre-jammy -> eclipse-temurin:17-jre
# (the lab's temurin stand-ins are Debian, not Ubuntu jammy).

FROM maven:3-eclipse-temurin-17 AS deps

WORKDIR /build

RUN --mount=type=bind,source=pom.xml,target=pom.xml \
    --mount=type=cache,target=/root/.m2 mvn dependency:go-offline -DskipTests

FROM deps AS package

WORKDIR /build

COPY ./src src/
RUN --mount=type=bind,source=pom.xml,target=pom.xml \
    --mount=type=cache,target=/root/.m2 \
    mvn package -DskipTests && \
    mv target/$(mvn help:evaluate -Dexpression=project.artifactId -q -DforceStdout)-$(mvn help:evaluate -Dexpression=project.version -q -DforceStdout).jar target/app.jar

FROM package AS extract

WORKDIR /build

RUN java -Djarmode=layertools -jar target/app.jar extract --destination target/extracted

FROM eclipse-temurin:17-jre-jammy AS final

ARG UID=10001
RUN adduser \
    --disabled-password \
    --gecos "" \
    --home "/nonexistent" \
    --shell "/sbin/nologin" \
    --no-create-home \
    --uid "${UID}" \
    appuser
USER appuser

COPY --from=extract build/target/extracted/dependencies/ ./
COPY --from=extract build/target/extracted/spring-boot-loader/ ./
COPY --from=extract build/target/extracted/snapshot-dependencies/ ./
COPY --from=extract build/target/extracted/application/ ./

EXPOSE 8080

ENTRYPOINT [ "java", "org.springframework.boot.loader.launch.JarLauncher" ]
