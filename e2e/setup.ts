import { readDockerEnv } from './lib/docker-env';

// testcontainers reads DOCKER_HOST from process.env; the lab's env file supplies it.
Object.assign(process.env, readDockerEnv());
// Ryuk (the reaper) is an image from Docker Hub that a registry-less machine cannot pull;
// every test stops its own containers instead.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
