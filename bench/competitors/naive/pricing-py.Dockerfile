# Naive competitor (written by hand for the benchmark): copy everything, pip install, run, one stage.
# Context: apps/pricing-py.
FROM python:3.11-slim-bookworm
WORKDIR /app
COPY . .
RUN pip install .
EXPOSE 8000
CMD ["pricing"]
