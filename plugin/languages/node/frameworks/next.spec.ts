import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '../../../detect/detect-input';
import { detectNodeProject } from '../detect-node-project';
import { planNodeRecipe } from '../plan-node-recipe';
import { withSettings } from '../../../detect/service-settings';
import { graphOf, lock, memoryFs, stage } from './__fixtures__/framework-workspace';

describe('framework providers', () => {
  const nextProject: ProjectInput = { name: 'web', root: 'apps/web' };
  const nextFiles = (config: string) => ({
    'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    'package-lock.json': lock(),
    'apps/web/package.json': JSON.stringify({
      name: 'web',
      scripts: { build: 'next build' },
      dependencies: { next: '16.0.0', react: '19.0.0' },
    }),
    'apps/web/next.config.js': config,
    'apps/web/public/favicon.ico': '',
  });

  it('Next.js standalone: server.js under the app path, static and public beside it, PORT/HOSTNAME, .next/cache mounted', () => {
    const fs = memoryFs(nextFiles("module.exports = { output: 'standalone' };"));
    const profile = detectNodeProject({ fs, project: nextProject, graph: graphOf(nextProject, []) });
    expect(profile.build?.value.outputPath).toBe('apps/web/.next/standalone');
    expect(profile.entrypoint.value).toBe('apps/web/server.js');
    expect(profile.port?.value).toBe(3000);
    expect(profile.hasProdDependencies).toBe(false);
    const plan = planNodeRecipe(withSettings(profile, { runtime: 'distroless', buildMode: 'docker' }));
    const runtime = stage(plan.stages, 'runtime');
    // The runtime mirrors the workspace under /app (#10): the standalone folder keeps its path and
    // its own node_modules (no exclude); static and public land beside server.js inside it.
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/.next/standalone/'],
      dest: 'apps/web/.next/standalone/',
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/.next/static'],
      dest: './apps/web/.next/standalone/apps/web/.next/static',
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/public'],
      dest: './apps/web/.next/standalone/apps/web/public',
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'env',
      vars: { HOSTNAME: '0.0.0.0', NEXT_TELEMETRY_DISABLED: '1', PORT: '3000' },
    });
    expect(runtime).toContainEqual({ kind: 'cmd', argv: ['apps/web/.next/standalone/apps/web/server.js'] });
    expect(plan.stages.some((candidate) => candidate.name === 'prod-deps')).toBe(false);
    const build = stage(plan.stages, 'build').find(
      (step) =>
        step.kind === 'run' &&
        step.command.join(' ').includes('next build') === false &&
        step.command.join(' ').includes('npm run build'),
    );
    expect(build).toMatchObject({ mounts: [{ type: 'cache', target: '/workspace/apps/web/.next/cache' }] });
    expect(plan.ignore).toContain('**/.next');
  });

  it("Next.js without output: 'standalone' stops with the one-line fix in next.config", () => {
    const fs = memoryFs(nextFiles('module.exports = { reactStrictMode: true };'));
    expect(() => detectNodeProject({ fs, project: nextProject, graph: graphOf(nextProject, []) })).toThrow(
      /project "web": apps\/web\/next\.config\.js: .*Fix: add `output: 'standalone',` to the config object in apps\/web\/next\.config\.js/,
    );
  });
});
