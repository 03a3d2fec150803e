import { describe, expect, it } from 'vitest';
import { diskFsView } from '../fs-view';
import { validatePlan } from '../plan/validate-plan';
import { renderDockerfile } from '../render/render-dockerfile';
import type { BuildPlan, ProjectProfile, ServiceSettings } from '../types';
import { toServiceSettings } from '../detect/service-settings';
import { detectProject } from './detect-project';
import { claimsByMarkers, type LanguageModule } from './language-module';
import { LANGUAGES } from './languages';
import { join } from 'node:path';

/**
 * The "add a language" guide (docs/add-a-language.md) as a test: a skeleton language written only
 * against `LanguageModule` compiles, is claimed through the registry, and its plan validates and renders.
 */
interface ShellProfile {
  language: 'shell';
  project: string;
  projectRoot: string;
  settings: ServiceSettings;
  script: string;
}

const shellLanguage: LanguageModule<ShellProfile> = {
  language: 'shell',
  markers: ['serve.sh'],
  claims: claimsByMarkers(['serve.sh']),
  detect: ({ project, options }) => ({
    language: 'shell',
    project: project.name,
    projectRoot: project.root,
    settings: toServiceSettings(options),
    script: 'serve.sh',
  }),
  plan: (profile): BuildPlan => ({
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [
      {
        name: 'runtime',
        role: 'runtime',
        from: { image: 'debian', tag: 'bookworm-slim' },
        steps: [
          { kind: 'workdir', path: '/app' },
          {
            kind: 'copy',
            role: 'source',
            sources: [`${profile.projectRoot}/${profile.script}`],
            dest: './',
            link: true,
          },
          { kind: 'user', uid: 10001, gid: 10001 },
          { kind: 'cmd', argv: ['/bin/sh', profile.script] },
        ],
      },
    ],
    ignore: ['*', `!${profile.projectRoot}/${profile.script}`],
    bake: { context: '.', dockerfile: `${profile.projectRoot}/Dockerfile` },
    notes: [`Shell service ${profile.project}: runs ${profile.script}.`],
    files: [],
  }),
};

describe('LanguageModule', () => {
  it('a skeleton language is one module: claimed through the registry, planned, validated, rendered', () => {
    const registry = [shellLanguage as unknown as LanguageModule, ...LANGUAGES];
    const fs = { read: () => undefined, exists: (path: string) => path === 'apps/cron/serve.sh', list: () => [] };
    const profile = detectProject(
      { fs, project: { name: 'cron', root: 'apps/cron' }, graph: { nodes: {}, dependencies: {} } },
      registry,
    );
    expect(profile).toMatchObject({ language: 'shell', script: 'serve.sh' });
    const plan = shellLanguage.plan(profile as unknown as ShellProfile);
    expect(validatePlan(plan)).toEqual([]);
    expect(renderDockerfile(plan)).toMatch(/^CMD \["\/bin\/sh", "serve\.sh"\]$/m);
  });

  it('lists every language once, in precedence order (compiled and Python before Node)', () => {
    expect(LANGUAGES.map((language) => language.language)).toEqual(['go', 'rust', 'java', 'python', 'node']);
  });

  it('an unclaimed project names its root and every manifest looked for', () => {
    const fs = diskFsView(join(__dirname, '../detect/__fixtures__/npm'));
    const input = { fs, project: { name: 'docs', root: 'docs' }, graph: { nodes: {}, dependencies: {} } };
    expect(() => detectProject(input)).toThrow(
      /project "docs": docs: no manifest nx-dockerize knows \(go\.mod, Cargo\.toml, pom\.xml.*package\.json, project\.json\)/,
    );
  });
});

// Type-level: every registered module's language is a ProjectProfile language.
export type RegisteredLanguage = (typeof LANGUAGES)[number]['language'] & ProjectProfile['language'];
