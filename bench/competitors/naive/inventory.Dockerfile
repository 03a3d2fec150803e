# Naive competitor (written by hand for the benchmark): the Dockerfile a first attempt usually is.
# Context: the workspace root. Everything is copied, then installed, then built, in one stage.
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci
RUN npm run build --workspace=apps/inventory
EXPOSE 3000
CMD ["node", "apps/inventory/dist/main.js"]
