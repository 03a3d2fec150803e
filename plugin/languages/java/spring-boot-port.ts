import { parseAllDocuments } from 'yaml';
import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';

/** Spring Boot's embedded server listens on 8080 unless `server.port` says otherwise (ServerProperties). */
export const SPRING_BOOT_DEFAULT_PORT = 8080;

/** `8081` → 8081; `${PORT:8081}` (a placeholder with a default) → 8081; anything else undefined. */
function toPort(value: unknown): number | undefined {
  const match = /^\s*(?:\$\{[\w.-]+:(\d+)\}|(\d+))\s*$/.exec(String(value ?? ''));
  const port = match ? Number(match[1] ?? match[2]) : NaN;
  return port > 0 && port < 65536 ? port : undefined;
}

/** `server.port=8081` / `server.port: 8081` / `server.port 8081` in a .properties file (java.util.Properties syntax). */
function readProperties(text: string): unknown {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*server\.port\s*[=:\s]\s*(.*?)\s*$/.exec(line);
    if (match && !/^\s*[#!]/.test(line)) return match[1];
  }
  return undefined;
}

/** The value at `keys` in a parsed YAML document (nested mappings), or undefined. */
function readPath(node: unknown, keys: string[]): unknown {
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `server: {port: 8081}` or `server.port: 8081` in the first YAML document without a profile (`spring.config.activate.on-profile`). */
function readYaml(text: string, file: string, project: string): unknown {
  let documents: unknown[];
  try {
    documents = parseAllDocuments(text).map((document) => {
      if (document.errors.length > 0) throw document.errors[0];
      return document.toJS();
    });
  } catch (error) {
    throw createDetectError({
      project,
      file,
      problem: `is not valid YAML (${(error as Error).message.split('\n')[0]})`,
      fix: 'correct the file (Spring Boot would fail to start with it)',
    });
  }
  for (const document of documents) {
    if (
      readPath(document, ['spring', 'config', 'activate', 'on-profile']) ??
      readPath(document, ['spring.config.activate.on-profile'])
    )
      continue;
    const port = readPath(document, ['server', 'port']) ?? readPath(document, ['server.port']);
    if (port !== undefined) return port;
  }
  return undefined;
}

/**
 * The port of a Spring Boot service: `src/main/resources/application.properties`, then
 * `application.yml`, then `application.yaml` (profile-less settings only), else Boot's default 8080.
 * A `server.port` that is not a number (nor `${VAR:number}`) is reported, not guessed.
 */
export function detectSpringBootPort(fs: FsView, projectRoot: string, project: string): Sourced<number> {
  for (const name of ['application.properties', 'application.yml', 'application.yaml']) {
    const file = joinPath(projectRoot, 'src/main/resources', name);
    const text = fs.read(file);
    if (text === undefined) continue;
    const value = name.endsWith('.properties') ? readProperties(text) : readYaml(text, file, project);
    if (value === undefined) continue;
    const port = toPort(value);
    if (port === undefined) {
      throw createDetectError({
        project,
        file,
        problem: `server.port is "${String(value)}", not a port number`,
        fix: 'set a number (or ${PORT:8080}), or pass --port',
      });
    }
    return { value: port, source: `${file} (server.port)` };
  }
  return {
    value: SPRING_BOOT_DEFAULT_PORT,
    source: "Spring Boot's default (no server.port in application.properties/yml)",
  };
}
