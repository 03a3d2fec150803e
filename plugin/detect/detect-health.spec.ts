import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { treeFsView } from '../fs-view';
import type { JavaProfile, Language } from '../types';
import { detectActuatorHealth } from '../languages/java/frameworks/spring-boot-config';
import { detectSpringBootPort } from '../languages/java/spring-boot-port';
import { planHealth } from '../plan/health';
import { detectHealth } from './detect-health';

function fsOf(files: Record<string, string>) {
  const tree = createTreeWithEmptyWorkspace();
  for (const [path, text] of Object.entries(files)) tree.write(path, text);
  return treeFsView(tree);
}

const detect = (language: Language, files: Record<string, string>, option?: string) =>
  detectHealth({
    fs: fsOf(files),
    language,
    project: 'api',
    roots: ['apps/api', 'libs/health'],
    exclude: ['apps/api/e2e'],
    option,
  });

describe('detectHealth: HTTP only on a route the sources name', () => {
  it.each([
    ['node', 'apps/api/src/main.ts', "app.get('/healthz', (req, res) => res.send('ok'));"],
    ['node', 'libs/health/src/index.ts', "if (path !== '/health') return false;"],
    ['node', 'apps/api/src/health.controller.ts', "@Controller('health')\nexport class HealthController {}"],
    ['go', 'apps/api/main.go', 'mux.HandleFunc("GET /livez", live)'],
    ['python', 'apps/api/app/main.py', '@app.get("/api/health")\ndef health(): ...'],
    ['rust', 'apps/api/src/main.rs', '.route("/health", get(health))'],
    ['java', 'apps/api/src/main/java/App.java', 'server.createContext("/health", handler);'],
  ] as const)('%s: %s', (language, file, text) => {
    const health = detect(language, { [file]: text });
    expect(health.value.kind).toBe('http');
    expect(health.source).toContain(file);
  });

  it('prefers /health over /ping and ignores tests, other projects and full URLs', () => {
    const health = detect('node', {
      'apps/api/src/main.ts': "app.get('/ping', pong); fetch('http://other/health');",
      'apps/api/src/routes.ts': "router.get('/health', ok);",
      'apps/api/src/main.spec.ts': "request.get('/healthz');",
      'apps/api/e2e/probe.ts': "get('/healthz')",
    });
    expect(health.value).toEqual({ kind: 'http', path: '/health' });
  });

  it('falls back to TCP when no route is named (never a guessed /health)', () => {
    expect(detect('node', { 'apps/api/src/main.ts': "app.get('/users', list);" }).value).toEqual({ kind: 'tcp' });
  });

  it('takes the option first, and refuses a value that is no route, tcp or none', () => {
    expect(detect('go', { 'apps/api/main.go': '"/health"' }, 'none').value).toEqual({ kind: 'none' });
    expect(detect('go', {}, '/ready').value).toEqual({ kind: 'http', path: '/ready' });
    expect(() => detect('go', {}, 'ready')).toThrow(/"api".*--healthcheck=\/your\/health\/route/);
  });
});

describe('Spring Boot: actuator health and server.port from application.yml', () => {
  const pom = (deps: string) => `<project><dependencies>${deps}</dependencies></project>`;
  const profile = {
    language: 'java',
    projectRoot: '.',
    manifests: ['pom.xml'],
    springBoot: { value: { version: '3.5.0' }, source: 'pom.xml' },
  } as unknown as JavaProfile;

  it('reads server.port (a ${PORT:…} default too) and the actuator path with its context path', () => {
    const fs = fsOf({
      'pom.xml': pom(
        '<dependency><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency>',
      ),
      'src/main/resources/application.yml':
        'server:\n  port: ${PORT:8181}\n  servlet:\n    context-path: /shop\n---\nspring.config.activate.on-profile: prod\nserver.port: 9999\n',
    });
    expect(detectSpringBootPort(fs, '.', 'svc').value).toBe(8181);
    expect(detectActuatorHealth(fs, profile)?.value).toEqual({ kind: 'http', path: '/shop/actuator/health' });
  });

  it('no actuator: no framework route; a web starter without server.port: Boot default 8080', () => {
    const fs = fsOf({ 'pom.xml': pom('<dependency><artifactId>spring-boot-starter-web</artifactId></dependency>') });
    expect(detectActuatorHealth(fs, profile)).toBeUndefined();
    expect(detectSpringBootPort(fs, '.', 'svc').value).toBe(8080);
  });

  it('management.server.port moves the probe to that port', () => {
    const fs = fsOf({
      'pom.xml': pom('<dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency>'),
      'src/main/resources/application.properties':
        'management.server.port=9090\nmanagement.endpoints.web.base-path=/manage\n',
    });
    expect(detectActuatorHealth(fs, profile)?.value).toEqual({ kind: 'http', path: '/manage/health', port: 9090 });
  });
});

describe('planHealth: what each runtime image can run', () => {
  const http = { value: { kind: 'http', path: '/healthz' } as const, source: 'src/main.ts: route "/healthz"' };
  const tcp = { value: { kind: 'tcp' } as const, source: 'no route' };
  it('node, python and bash probe HTTP or TCP; no port, no check', () => {
    expect(planHealth(http, 3000, { kind: 'node', binary: 'node' }).steps[0]).toMatchObject({
      command: ['node', '-e', expect.stringContaining("fetch('http://127.0.0.1:3000/healthz')")],
    });
    expect(planHealth(tcp, 3000, { kind: 'node', binary: 'node' }).steps[0]).toMatchObject({
      command: ['node', '-e', expect.stringContaining("require('net').connect(3000")],
    });
    expect(planHealth(tcp, 8000, { kind: 'python', binary: '/opt/venv/bin/python' }).steps[0]).toMatchObject({
      command: ['/opt/venv/bin/python', '-c', expect.stringContaining('socket.create_connection')],
    });
    expect(planHealth(tcp, 8080, { kind: 'bash' }).steps[0]).toMatchObject({
      command: ['bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/8080'],
    });
    expect(planHealth(http, undefined, { kind: 'bash' })).toEqual({ steps: [] });
  });

  it("distroless: the binary's own probe mode or none, said in the note; none turns it off", () => {
    expect(planHealth(tcp, 8080, { kind: 'binary', image: 'gcr.io/distroless/static-debian12' })).toMatchObject({
      steps: [],
      note: expect.stringMatching(/^No HEALTHCHECK: .* no shell/),
    });
    expect(
      planHealth(http, 8080, { kind: 'binary', argv: ['/app/api', '-healthcheck'], image: 'distroless' }).steps,
    ).toEqual([{ kind: 'healthcheck', command: ['/app/api', '-healthcheck'] }]);
    expect(planHealth({ value: { kind: 'none' }, source: 'the healthcheck option' }, 8080, { kind: 'bash' })).toEqual({
      steps: [],
      note: 'No HEALTHCHECK (from the healthcheck option).',
    });
  });
});
