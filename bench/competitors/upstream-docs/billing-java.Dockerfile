# syntax=docker/dockerfile:1
# Upstream documentation's recommended Dockerfile for Java, written as that documentation says:
# Docker docs, Java language guide: "Containerize a Java application"
# (https://docs.docker.com/guides/java/containerize/), tab "Manually create assets" (the file
# `docker init` writes): a deps stage (`dependency:go-offline` with pom.xml bind-mounted and a cache
# mount on /root/.m2), a package stage (`package`, the jar renamed to app.jar via `help:evaluate`),
# and a final stage on the JRE with a non-root user. Java 17 (billing-java's release, the answer
# `docker init` asks for), port 8080.
# Adapted where the guide says to: its file "is optimized for Java applications that output an uber
# jar" and tells other apps to update the package stage. billing-java is plain Java, not Spring Boot
# and not an uber jar, so the Spring Boot `extract` stage (jarmode=layertools) is left out, the
# package stage also copies the runtime dependencies (`dependency:copy-dependencies`) next to
# app.jar, and the final stage runs `java -cp app.jar:lib/* <main class>` instead of Spring's JarLauncher.
# billing-java has no Maven wrapper: `mvn` on maven:3-eclipse-temurin-17 stands in for `./mvnw` on
# eclipse-temurin:17-jdk-jammy (the wrapper would also download Maven on a cold build, so this can
# only favour upstream). Context: apps/billing-java.
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
    mv target/$(mvn help:evaluate -Dexpression=project.artifactId -q -DforceStdout)-$(mvn help:evaluate -Dexpression=project.version -q -DforceStdout).jar target/app.jar && \
    mvn dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

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

COPY --from=package build/target/app.jar ./
COPY --from=package build/target/lib/ ./lib/

EXPOSE 8080

ENTRYPOINT [ "java", "-cp", "app.jar:lib/*", "com.example.billing.Main" ]
