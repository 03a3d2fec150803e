# Naive competitor (written by hand for the benchmark): the Dockerfile a first attempt usually is,
# for bench/workloads/node's NestJS api. Context: the workspace root, no .dockerignore.
# Everything is copied, then installed, then built with Nx (the build target runs webpack-cli
# with NxAppWebpackPlugin), in one stage; the image keeps the sources and the devDependencies.
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci
RUN npx nx build api
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
