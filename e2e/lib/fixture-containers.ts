import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import type { FixtureBuild } from './fixture-bake';

/** Each build's container, started (or failed to start, with its log) once. */
export const started = new Map<FixtureBuild, Promise<StartedTestContainer>>();

function startContainer({ image, service }: FixtureBuild): Promise<StartedTestContainer> {
  const wait = service.healthy ? Wait.forHealthCheck() : Wait.forHttp(service.route, service.port).forStatusCode(200);
  let log = '';
  return new GenericContainer(image)
    .withExposedPorts(service.port)
    .withLogConsumer((stream) => stream.on('data', (line) => (log = `${log}${line}`.slice(-4000))))
    .withWaitStrategy(wait)
    .withStartupTimeout(180_000)
    .start()
    .catch((error: Error) => {
      throw new Error(`${image} did not start: ${error.message}\ncontainer log:\n${log}`);
    });
}

/** Starts every build's container, at most `parallel` starting at once; results land in `started`. */
export function startAll(all: FixtureBuild[], parallel: number): void {
  let next = 0;
  const queue = all.map((build) => {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const container = turn.then(() => startContainer(build));
    container.catch(() => undefined);
    started.set(build, container);
    return { release, container };
  });
  const runNext = (): Promise<unknown> | undefined => {
    const item = queue[next++];
    if (!item) return undefined;
    item.release();
    return item.container.catch(() => undefined).then(runNext);
  };
  for (let slot = 0; slot < parallel; slot++) runNext();
}
