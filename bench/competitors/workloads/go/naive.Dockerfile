# Naive competitor (written by hand for the benchmark): copy the whole repository, build, run, one stage.
# Context: the workspace root (bench/workloads/go), no .dockerignore.
FROM golang:1.26-bookworm
WORKDIR /app
COPY . .
RUN cd apps/api && go build -o /app/bin/api .
EXPOSE 8080
CMD ["/app/bin/api"]
