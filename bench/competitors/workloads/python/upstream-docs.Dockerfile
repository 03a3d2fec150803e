# Upstream documentation's recommended Dockerfile for a uv project, written as that documentation says:
# uv docs, "Using uv in Docker" (https://docs.astral.sh/uv/guides/integration/docker/):
# "Installing uv" (copy the binaries from the distroless uv image), "Caching" (cache mount,
# UV_LINK_MODE=copy), "Compiling bytecode" (UV_COMPILE_BYTECODE=1) and "Intermediate layers"
# (dependencies first with uv.lock and pyproject.toml bind-mounted, then the project).
# Single stage, as the guide's example. Context: apps/api (bench/workloads/python). CMD runs uvicorn on the app.
# Lab mapping (bench/competitors.ts adaptForLab): python:3.12-slim -> python:3.11-slim-bookworm
# (the lab's only Python stand-in; the project needs >= 3.11), uv 0.13 -> 0.13.9 (the lab's uv).
FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.13 /uv /uvx /bin/

ENV UV_COMPILE_BYTECODE=1
ENV UV_LINK_MODE=copy

WORKDIR /app

# Install dependencies
RUN --mount=type=cache,target=/root/.cache/uv \
    --mount=type=bind,source=uv.lock,target=uv.lock \
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
    uv sync --locked --no-install-project

# Copy the project into the image
COPY . /app

# Sync the project
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked

ENV PATH="/app/.venv/bin:$PATH"

EXPOSE 8000

CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0", "--port", "8000"]
