# syntax=docker/dockerfile:1
# Upstream documentation's recommended Dockerfile for Go, written as that documentation says:
# Docker docs, Go language guide: "Build your Go image" (https://docs.docker.com/guides/golang/build-images/)
# and "Run your tests using Go test" (https://docs.docker.com/guides/golang/run-tests/), which shows it in full:
# section "Multi-stage builds" (Dockerfile.multistage), with the docs' binary name replaced by
# the service's. Context: apps/api (bench/workloads/go).
# Lab mapping (bench/competitors.ts adaptForLab): golang:1.19 -> golang:1.26-bookworm (go.mod
# needs 1.26); gcr.io/distroless/base-debian11 -> gcr.io/distroless/cc-debian12 (the lab serves
# no base-debian11; cc is base plus libstdc++, so this can only make the image larger).

# Build the application from source
FROM golang:1.19 AS build-stage

WORKDIR /app

COPY go.mod go.sum ./
RUN go mod download

COPY *.go ./

RUN CGO_ENABLED=0 GOOS=linux go build -o /api

# Run the tests in the container
FROM build-stage AS run-test-stage
RUN go test -v ./...

# Deploy the application binary into a lean image
FROM gcr.io/distroless/base-debian11 AS build-release-stage

WORKDIR /

COPY --from=build-stage /api /api

EXPOSE 8080

USER nonroot:nonroot

ENTRYPOINT ["/api"]
