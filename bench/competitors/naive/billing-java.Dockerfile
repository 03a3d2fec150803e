# Naive competitor (written by hand for the benchmark): copy everything, package, run, one stage
# (the runtime dependencies copied next to the jar, since billing-java's jar is not an uber jar).
# Context: apps/billing-java.
FROM maven:3-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN mvn -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime
EXPOSE 8080
CMD ["java", "-cp", "target/billing-java-1.0.0.jar:target/dependency/*", "com.example.billing.Main"]
