import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '../../../detect/detect-input';
import { detectNodeProject } from '../detect-node-project';
import { planNodeRecipe } from '../plan-node-recipe';
import { withSettings } from '../../../detect/service-settings';
import { graphOf, lock, memoryFs, slim, stage } from './__fixtures__/framework-workspace';

describe('framework providers', () => {
  it('native modules from the lockfile: the toolchain in the base (build) stage only; Alpine refused unless asked', () => {
    const project: ProjectInput = { name: 'svc', root: 'apps/svc' };
    const files = {
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
      'package-lock.json': lock({
        'node_modules/better-sqlite3': {
          version: '12.6.0',
          hasInstallScript: true,
          dependencies: { bindings: '^1.5.0', 'prebuild-install': '^7.1.1' },
        },
        'node_modules/bindings': { version: '1.5.0' },
        'node_modules/esbuild': {
          version: '0.28.2',
          hasInstallScript: true,
          optionalDependencies: { '@esbuild/linux-x64': '0.28.2' },
        },
      }),
      'apps/svc/package.json': JSON.stringify({
        name: 'svc',
        main: 'src/main.js',
        dependencies: { 'better-sqlite3': '12.6.0', esbuild: '0.28.2' },
      }),
      'apps/svc/src/main.js': '',
    };
    const profile = detectNodeProject({ fs: memoryFs(files), project, graph: graphOf(project, []) });
    expect(profile.nativeModules).toEqual([
      { name: 'better-sqlite3', compiles: true, source: 'known native package', runtime: true },
    ]);
    const plan = planNodeRecipe(withSettings(profile, slim));
    expect(JSON.stringify(stage(plan.stages, 'base'))).toContain(
      'apt-get install -y --no-install-recommends g++ make python3',
    );
    expect(JSON.stringify(stage(plan.stages, 'runtime'))).not.toContain('apt-get');
    expect(() => planNodeRecipe(withSettings(profile, { ...slim, runtime: 'alpine' }))).toThrow(
      /better-sqlite3 .*glibc.*Fix: use --runtime=slim or --runtime=distroless, or pass --nativeOnAlpine/,
    );
    expect(() =>
      planNodeRecipe(withSettings(profile, { ...slim, runtime: 'alpine', nativeOnAlpine: true })),
    ).not.toThrow();
  });

  it('sharp: prebuilt from 0.33 (libvips from npm); before 0.33 it compiles against libvips (headers to build, the library to run)', () => {
    const project: ProjectInput = { name: 'img', root: 'apps/img' };
    const files = (version: string) => ({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
      'package-lock.json': lock({ 'node_modules/sharp': { version, hasInstallScript: true } }),
      'apps/img/package.json': JSON.stringify({ name: 'img', main: 'src/main.js', dependencies: { sharp: version } }),
      'apps/img/src/main.js': '',
    });
    const modern = planNodeRecipe(
      withSettings(detectNodeProject({ fs: memoryFs(files('0.34.5')), project, graph: graphOf(project, []) }), slim),
    );
    expect(JSON.stringify(modern.stages)).not.toContain('apt-get');
    const old = planNodeRecipe(
      withSettings(detectNodeProject({ fs: memoryFs(files('0.32.6')), project, graph: graphOf(project, []) }), slim),
    );
    expect(JSON.stringify(stage(old.stages, 'base'))).toContain(
      '--no-install-recommends g++ libvips-dev make pkg-config python3',
    );
    expect(JSON.stringify(stage(old.stages, 'runtime'))).toContain('--no-install-recommends libvips42');
  });
});
