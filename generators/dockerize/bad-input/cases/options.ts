import { type BadInputCase } from '../run-case';
import { api } from './shared';

/**
 * Bad-input cases of kind "options":
 * generator options out of range or of the wrong type.
 */
export const optionCases: BadInputCase[] = [
  ...(
    [
      ['port-too-large', '`--port 99999`', { port: 99999 }, 'port'],
      ['port-zero', '`--port 0`', { port: 0 }, 'port'],
      ['port-fraction', '`--port 80.5`', { port: 80.5 }, 'port'],
      ['port-not-a-number', '`port: "http"` from a composing generator', { port: 'http' }, 'port'],
      ['node-version-garbage', '`--nodeVersion banana`', { nodeVersion: 'banana' }, 'nodeVersion'],
      ['runtime-unknown', '`--runtime ubuntu`', { runtime: 'ubuntu' }, 'runtime'],
      ['build-mode-unknown', '`--buildMode fast`', { buildMode: 'fast' }, 'buildMode'],
      [
        'entrypoint-line-break',
        '`--entrypoint` with a line break (`"x\\nRUN curl evil"`)',
        { entrypoint: 'x\nRUN curl evil' },
        'entrypoint',
      ],
      ['main-empty', '`--main ""`', { main: ' ' }, 'main'],
      ['cgo-not-boolean', '`cgo: "yes"` from a composing generator', { cgo: 'yes' }, 'cgo'],
    ] as const
  ).map(([id, input, options, option]): BadInputCase => ({
    id,
    kind: 'options',
    input,
    workspace: api,
    run: { dockerize: 'api', options },
    expect: { refused: { file: `--${option}`, fix: /Fix the value, or leave the option out/ } },
  })),
  {
    id: 'node-version-number',
    kind: 'options',
    input: '`--nodeVersion 22` arriving as the number 22',
    workspace: api,
    run: { dockerize: 'api', options: { nodeVersion: 22 } },
    expect: { written: { 'apps/api/Dockerfile': ['FROM node:22-bookworm-slim', '"nodeVersion":"22"'] } },
  },
  {
    id: 'node-version-range',
    kind: 'options',
    input: '`--nodeVersion ">=20"` (a range, as engines.node would say it)',
    workspace: api,
    run: { dockerize: 'api', options: { nodeVersion: '>=20' } },
    expect: {
      written: {
        'apps/api/Dockerfile': [
          'Node 22 (from the nodeVersion option).',
          'FROM node:22-bookworm-slim',
          '"nodeVersion":">=20"',
        ],
      },
    },
  },
  {
    id: 'port-as-string',
    kind: 'options',
    input: '`port: "8080"` (a string of digits)',
    workspace: api,
    run: { dockerize: 'api', options: { port: '8080' } },
    expect: { written: { 'apps/api/Dockerfile': ['EXPOSE 8080'] } },
  },
];
