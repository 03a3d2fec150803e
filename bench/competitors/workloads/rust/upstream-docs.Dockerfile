# Upstream documentation's recommended Dockerfile for Rust, written as that documentation says:
# Docker docs, Rust language guide: "Build your Rust image"
# (https://docs.docker.com/guides/rust/build-images/), tab "Using the Docker Official Images":
# one build stage on rust:<version>-alpine that installs clang, lld, musl-dev and git with apk, then
# `cargo build --locked --release` with the sources and manifests bind-mounted and cache mounts for
# target/, the cargo git db and the registry; a final stage on alpine:3.18 with a non-root user.
# APP_NAME set to the service's package name and EXPOSE to its port, as the guide says to.
# Context: apps/api (bench/workloads/rust).
# Lab mapping (bench/competitors.ts adaptForLab): the lab serves no Alpine images, so
# rust:<version>-alpine -> rust:1.95-slim-bookworm (the lab's Rust; RUST_VERSION follows it),
# `apk add clang lld musl-dev git` -> `apt-get install clang lld git` (libc6-dev is in the build
# image already, as musl-dev is the C library headers on Alpine), alpine:3.18 -> debian:bookworm-slim.
# The Debian base is larger than alpine:3.18 (about 8 MB), so the size rows show upstream's image
# larger than it would be on Alpine; the size table's "base" column shows by how much.
ARG RUST_VERSION=1.92

ARG APP_NAME=api

FROM docker.io/library/rust:${RUST_VERSION}-alpine AS build

ARG APP_NAME

WORKDIR /app

RUN apk add --no-cache clang lld musl-dev git

RUN --mount=type=bind,source=src,target=src \
    --mount=type=bind,source=Cargo.toml,target=Cargo.toml \
    --mount=type=bind,source=Cargo.lock,target=Cargo.lock \
    --mount=type=cache,target=/app/target/ \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    --mount=type=cache,target=/usr/local/cargo/registry/ \
    cargo build --locked --release && \
    cp ./target/release/$APP_NAME /bin/server

FROM docker.io/library/alpine:3.18 AS final

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

COPY --from=build /bin/server /bin/

ENV ROCKET_ADDRESS=0.0.0.0

EXPOSE 8080

CMD ["/bin/server"]
