# Naive competitor (written by hand for the benchmark): copy everything, build, run, one stage.
# Context: apps/catalog-go.
FROM golang:1.26-bookworm
WORKDIR /app
COPY . .
RUN go build -o /app/catalog-go .
EXPOSE 8080
CMD ["/app/catalog-go"]
