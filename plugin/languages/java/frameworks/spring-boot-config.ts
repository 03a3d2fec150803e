import { parseAllDocuments } from 'yaml';
import type { FsView } from '../../../fs-view';
import type { HealthProbe, JavaProfile, Sourced } from '../../../types';
import { joinPath } from '../../../detect/join-path';

/** Spring Boot's own config files, in the order Boot reads them (properties win over YAML in the same folder). */
const CONFIG_FILES = ['application.properties', 'application.yml', 'application.yaml'].map(
  (name) => `src/main/resources/${name}`,
);

type Lookup = (key: string) => { value: string; file: string } | undefined;

/**
 * Reads Spring Boot's `application.properties`/`.yml` (default profile only: YAML documents with
 * `spring.config.activate.on-profile` are skipped). Keys are looked up both nested (`server: port:`)
 * and dotted (`server.port:`), as Boot's relaxed binding does. `${PORT:8080}` placeholders give their default.
 */
export function readSpringConfig(fs: FsView, projectRoot: string): Lookup {
  const entries: { key: string; value: string; file: string }[] = [];
  for (const name of CONFIG_FILES) {
    const file = joinPath(projectRoot, name);
    const text = fs.read(file);
    if (text === undefined) continue;
    if (name.endsWith('.properties')) {
      for (const line of text.split('\n')) {
        const match = /^\s*([\w.-]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
        if (match && !line.trim().startsWith('#') && !line.trim().startsWith('!'))
          entries.push({ key: match[1], value: match[2], file });
      }
      continue;
    }
    for (const document of parseAllDocuments(text)) {
      const data = document.toJS?.() as Record<string, unknown> | null;
      if (!data || typeof data !== 'object' || lookupIn(data, 'spring.config.activate.on-profile') !== undefined)
        continue;
      flatten(data, '', (key, value) => entries.push({ key, value, file }));
    }
  }
  return (key) => entries.find((entry) => entry.key === key);
}

function flatten(data: unknown, prefix: string, add: (key: string, value: string) => void): void {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) flatten(value, prefix ? `${prefix}.${key}` : key, add);
  } else if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean')
    add(prefix, String(data));
}

function lookupIn(data: Record<string, unknown>, key: string): unknown {
  let found: unknown;
  flatten(data, '', (candidate, value) => (candidate === key ? (found = value) : undefined));
  return found;
}

/**
 * Spring Boot Actuator's health endpoint, when the actuator is a dependency of the build file:
 * `<server.servlet.context-path><management.endpoints.web.base-path | /actuator>/health`, on
 * `management.server.port` when set (then without the servlet context path, as Boot does).
 */
export function detectActuatorHealth(fs: FsView, profile: JavaProfile): Sourced<HealthProbe> | undefined {
  if (!profile.springBoot) return undefined;
  const buildFile = joinPath(
    profile.projectRoot,
    profile.manifests.find((file) => /^(pom\.xml|build\.gradle(\.kts)?)$/.test(file)) ?? 'pom.xml',
  );
  if (!/spring-boot-starter-actuator\b/.test(fs.read(buildFile) ?? '')) return undefined;
  const config = readSpringConfig(fs, profile.projectRoot);
  const managementPort = config('management.server.port');
  const port =
    managementPort && /^\d{2,5}$/.test(managementPort.value.trim()) ? Number(managementPort.value) : undefined;
  const base = (config('management.endpoints.web.base-path')?.value ?? '/actuator').replace(/\/$/, '');
  const context = port ? '' : (config('server.servlet.context-path')?.value ?? '').replace(/\/$/, '');
  const path = `${context}${base}/health`;
  return {
    value: { kind: 'http', path, ...(port && { port }) },
    source: `spring-boot-starter-actuator in ${buildFile}`,
  };
}
