# Naive competitor (written by hand for the benchmark): copy everything, build, run, one stage.
# Context: apps/search-rust.
FROM rust:1.95-slim-bookworm
WORKDIR /app
COPY . .
RUN cargo build --release
EXPOSE 8081
CMD ["/app/target/release/search-rust"]
