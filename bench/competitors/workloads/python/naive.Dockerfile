# Naive competitor (written by hand for the benchmark): copy the whole repository, pip install, run, one stage.
# Context: the workspace root (bench/workloads/python), no .dockerignore.
FROM python:3.11-slim-bookworm
WORKDIR /app
COPY . .
RUN pip install ./apps/api
EXPOSE 8000
CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0", "--port", "8000"]
