# Naive competitor (written by hand for the benchmark): copy the whole repository, build, run, one stage.
# Context: the workspace root (bench/workloads/rust), no .dockerignore.
FROM rust:1.95-slim-bookworm
WORKDIR /app
COPY . .
RUN cd apps/api && cargo build --release
EXPOSE 8080
CMD ["/app/apps/api/target/release/api"]
