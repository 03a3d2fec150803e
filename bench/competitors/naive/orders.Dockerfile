# Naive competitor (written by hand for the benchmark): the Dockerfile a first attempt usually is.
# Context: the workspace root. Everything is copied, then installed, then built, in one stage.
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci
RUN npx esbuild apps/orders/src/main.ts --bundle --platform=node --target=node22 --outfile=dist/apps/orders/main.js
EXPOSE 3000
CMD ["node", "dist/apps/orders/main.js"]
