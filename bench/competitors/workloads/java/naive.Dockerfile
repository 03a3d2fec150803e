# Naive competitor (written by hand for the benchmark): copy the whole repository, package, run, one stage.
# Context: the workspace root (bench/workloads/java), no .dockerignore.
FROM maven:3-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN cd apps/api && mvn -B -DskipTests package
EXPOSE 8080
CMD ["java", "-jar", "apps/api/target/api-0.0.1-SNAPSHOT.jar"]
