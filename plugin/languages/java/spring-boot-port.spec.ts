import { describe, expect, it } from 'vitest';
import type { FsView } from '../../fs-view';
import { detectSpringBootPort } from './spring-boot-port';

const fsOf = (files: Record<string, string>): FsView => ({
  read: (path) => files[path],
  exists: (path) => path in files,
  list: () => [],
});

const at = (name: string) => `apps/api/src/main/resources/${name}`;

describe('detectSpringBootPort', () => {
  it.each([
    ['nested YAML', { [at('application.yml')]: 'server:\n  port: 8081\n' }, 8081, 'application.yml'],
    ['dotted YAML key', { [at('application.yaml')]: 'server.port: 7000\n' }, 7000, 'application.yaml'],
    [
      'a profile document is skipped',
      {
        [at('application.yml')]:
          'spring:\n  config:\n    activate:\n      on-profile: prod\nserver:\n  port: 80\n---\nserver:\n  port: 8082\n',
      },
      8082,
      'application.yml',
    ],
    [
      'properties win over YAML; placeholder default',
      {
        [at('application.properties')]: '# server.port=1\nserver.port = ${PORT:9090}\n',
        [at('application.yml')]: 'server:\n  port: 8081\n',
      },
      9090,
      'application.properties',
    ],
  ])('%s', (_name, files, port, file) => {
    expect(detectSpringBootPort(fsOf(files), 'apps/api', 'api')).toEqual({
      value: port,
      source: `${at(file)} (server.port)`,
    });
  });

  it("no server.port: Spring Boot's 8080", () => {
    expect(
      detectSpringBootPort(
        fsOf({ [at('application.yml')]: 'spring:\n  application:\n    name: api\n' }),
        'apps/api',
        'api',
      ).value,
    ).toBe(8080);
  });

  it('a port that is not a number, or invalid YAML, is an error naming the file', () => {
    expect(() =>
      detectSpringBootPort(fsOf({ [at('application.properties')]: 'server.port=${PORT}\n' }), 'apps/api', 'api'),
    ).toThrow(/api.*application\.properties: server\.port is "\$\{PORT\}", not a port number/);
    expect(() =>
      detectSpringBootPort(fsOf({ [at('application.yml')]: 'server:\n  port: [8080\n' }), 'apps/api', 'api'),
    ).toThrow(/application\.yml: is not valid YAML/);
  });
});
