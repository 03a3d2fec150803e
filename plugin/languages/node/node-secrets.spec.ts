import { describe, expect, it } from 'vitest';
import { inventoryProfile, defaultOptions, pnpmProfile } from '../../plan/__fixtures__/node-profiles';
import { renderDockerfile } from '../../render/render-dockerfile';
import { planProject } from '../../plan/plan-project';
import type { NodePackageManager, NodeProfile } from '../../types';
import { withSettings } from '../../detect/service-settings';

const MANAGERS: NodePackageManager[] = ['npm', 'pnpm', 'yarn-classic', 'yarn-berry', 'bun'];

function profileFor(manager: NodePackageManager): NodeProfile {
  const base = manager === 'npm' ? inventoryProfile : pnpmProfile;
  const installInputs = {
    npm: ['.npmrc'],
    pnpm: ['pnpm-workspace.yaml', '.npmrc'],
    'yarn-classic': ['.npmrc', '.yarnrc'],
    'yarn-berry': ['.yarnrc.yml', '.yarn/releases/'],
    bun: ['bunfig.toml', '.npmrc'],
  }[manager];
  return {
    ...base,
    packageManager: { value: manager, source: 'test' },
    lockfile: undefined,
    installInputs,
    rootLifecycleScripts: ['prepare'],
  };
}

describe('registry credentials never enter a layer', () => {
  it.each(MANAGERS)(
    '%s: the npmrc secret is mounted for every install and nothing copies a user config or token',
    (manager) => {
      const text = renderDockerfile(planProject(withSettings(profileFor(manager), defaultOptions)));
      const instructions = text.split('\n').filter((line) => !line.startsWith('#'));
      // No ARG/ENV carries a credential, no COPY brings a home-directory npmrc or the secret file.
      expect(instructions.filter((line) => /^(ARG|ENV)\b/.test(line)).join('\n')).not.toMatch(
        /TOKEN|AUTH|PASSWORD|_auth/i,
      );
      expect(instructions.filter((line) => /^COPY\b/.test(line)).join('\n')).not.toMatch(
        /\/run\/secrets|~\/\.npmrc|\$HOME|NPM_TOKEN/,
      );
      // Every install (and the package-manager download) mounts the optional npmrc secret.
      const installs = instructions.filter(
        (line) =>
          /^(RUN | {4}env | {4}\["env")/.test(line) &&
          /(npm (ci|install)|pnpm install|yarn (install|workspaces)|bun install)/.test(line) &&
          !/--lockfile-only|update-lockfile/.test(line),
      );
      expect(installs.length).toBeGreaterThan(0);
      for (const line of installs) expect(line).toMatch(/npm_config_userconfig=\/run\/secrets\/npmrc/);
      expect(text.match(/--mount=type=secret,id=npmrc,target=\/run\/secrets\/npmrc/g)?.length).toBeGreaterThanOrEqual(
        installs.length,
      );
      expect(text.match(/--mount=type=secret,id=npm-token,env=NPM_TOKEN/g)?.length).toBeGreaterThanOrEqual(
        installs.length,
      );
      // The project .npmrc (an install input, without tokens) never reaches the runtime image.
      const runtime = text.slice(text.indexOf(' AS runtime'));
      for (const input of profileFor(manager).installInputs ?? []) {
        const copies = runtime.split('\n').filter((line) => line.startsWith('COPY') && line.includes(' /workspace/ '));
        // Config files at any depth (`**/.npmrc`), other inputs at their path.
        for (const copy of copies)
          expect(copy.split(' ')).toContainEqual(
            expect.stringMatching(
              new RegExp(`^--exclude=(\\*\\*/)?${input.replace(/\/$/, '').replace(/[.]/g, '\\.')}$`),
            ),
          );
      }
    },
  );
});

describe('no package-manager config file reaches the runtime stage from any copy', () => {
  const CONFIG = ['.npmrc', '.yarnrc', '.yarnrc.yml', 'bunfig.toml'];
  const shapes: [string, NodeProfile][] = [
    ...MANAGERS.map((manager): [string, NodeProfile] => [`${manager} workspace package`, profileFor(manager)]),
    // A root project without a build target: the runtime copies the whole context (`COPY ./ ./`).
    [
      'root project, no build target',
      {
        ...profileFor('npm'),
        projectRoot: '.',
        style: 'package',
        build: undefined,
        entrypoint: { value: 'main.js', source: 'test' },
        workspaceManifests: [],
      },
    ],
    ['integrated app', { ...inventoryProfile, style: 'integrated' }],
  ];
  it.each(shapes)(
    '%s: every runtime COPY excludes .npmrc, .yarnrc, .yarnrc.yml and bunfig.toml at any depth',
    (_name, profile) => {
      const text = renderDockerfile(planProject(withSettings(profile, defaultOptions)));
      const copies = text
        .slice(text.indexOf(' AS runtime'))
        .split('\n')
        .filter((line) => line.startsWith('COPY'));
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) for (const name of CONFIG) expect(copy).toContain(`--exclude=**/${name}`);
    },
  );

  it('a root project without a build target copies the context into the runtime, config files excluded', () => {
    const profile: NodeProfile = {
      ...profileFor('npm'),
      projectRoot: '.',
      style: 'package',
      build: undefined,
      entrypoint: { value: 'main.js', source: 'test' },
      workspaceManifests: [],
    };
    const text = renderDockerfile(planProject(withSettings(profile, defaultOptions)));
    expect(text).toMatch(
      /^COPY --link --exclude=\*\*\/\.npmrc --exclude=\*\*\/\.yarnrc --exclude=\*\*\/\.yarnrc\.yml --exclude=\*\*\/bunfig\.toml \.\/ \.\/$/m,
    );
  });
});
