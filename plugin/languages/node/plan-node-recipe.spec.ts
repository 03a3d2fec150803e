import { describe, expect, it } from 'vitest';
import type { BuildPlan, Stage } from '../../types';
import { defaultOptions, inventoryProfile, ordersProfile, pnpmProfile } from '../../plan/__fixtures__/node-profiles';
import { planNodeRecipe } from './plan-node-recipe';

function findStage(plan: BuildPlan, name: string): Stage | undefined {
  return plan.stages.find((stage) => stage.name === name);
}

describe('planNodeRecipe', () => {
  it('plans base → manifests → deps → build → runtime for an integrated npm project', () => {
    const plan = planNodeRecipe(ordersProfile, defaultOptions);
    expect(plan.stages.map((stage) => `${stage.name}:${stage.role}`)).toEqual([
      'base:base', 'manifests:deps', 'deps:deps', 'build:build', 'runtime:runtime',
    ]);
    expect(plan.bake).toEqual({ context: '.', dockerfile: 'apps/orders/Dockerfile', tags: ['orders:latest'] });
  });

  it('keeps the package-style project and its closure packages when pruning', () => {
    const plan = planNodeRecipe({ ...inventoryProfile, workspaceManifests: ['libs/health'] }, defaultOptions);
    const prune = findStage(plan, 'manifests')?.steps.find((step) => step.kind === 'run');
    expect(prune).toMatchObject({ command: ['node', '-', 'apps/inventory', 'libs/health'], heredoc: { script: 'prune-npm-workspaces' } });
    expect(plan.bake.tags).toEqual(['examples-inventory:latest']);
  });

  it('copy-output: no deps or build stage, the runtime copies the output from the context', () => {
    const plan = planNodeRecipe(ordersProfile, { ...defaultOptions, buildMode: 'copy-output' });
    expect(plan.stages.map((stage) => stage.name)).toEqual(['runtime']);
    expect(findStage(plan, 'runtime')?.steps).toContainEqual({ kind: 'copy', sources: ['dist/apps/orders/'], dest: './', link: true });
    expect(plan.ignore.slice(-5)).toEqual(['**/dist', '!dist/apps/orders', '**/node_modules', '**/.nx', '**/.git']);
    expect(plan.notes.join('\n')).toMatch(/run the Nx build first/);
  });

  it('distroless: node is the image ENTRYPOINT, so CMD names only the file; uid 65532', () => {
    const runtime = findStage(planNodeRecipe(ordersProfile, { ...defaultOptions, runtime: 'distroless' }), 'runtime');
    expect(runtime?.from).toEqual({ image: 'gcr.io/distroless/nodejs22-debian12', tag: '' });
    expect(runtime?.steps).toContainEqual({ kind: 'cmd', argv: ['main.js'] });
    expect(runtime?.steps).toContainEqual({ kind: 'user', uid: 65532, gid: 65532 });
  });

  it('alpine with native modules says why it is risky', () => {
    const plan = planNodeRecipe({ ...ordersProfile, risks: ['native module: bcrypt'] }, { ...defaultOptions, runtime: 'alpine' });
    expect(plan.notes.join('\n')).toMatch(/musl[\s\S]*Risk: native module: bcrypt/);
  });

  it('pnpm: corepack at the exact version, store pinned and mounted, no pruning', () => {
    const plan = planNodeRecipe(pnpmProfile, defaultOptions);
    expect(findStage(plan, 'manifests')).toBeUndefined();
    expect(findStage(plan, 'base')?.steps).toContainEqual({ kind: 'run', command: ['corepack', 'prepare', 'pnpm@9.15.9', '--activate'], mounts: [] });
    expect(plan.notes.join('\n')).toMatch(/keyed on the whole root lockfile/);
  });

  it('honours the nodeVersion and port options over detection', () => {
    const plan = planNodeRecipe(ordersProfile, { ...defaultOptions, nodeVersion: '24.1.0', port: 8080 });
    expect(findStage(plan, 'runtime')?.from).toEqual({ image: 'node', tag: '24-bookworm-slim' });
    expect(findStage(plan, 'runtime')?.steps).toContainEqual({ kind: 'expose', port: 8080 });
  });

  it('without a port: no EXPOSE, no HEALTHCHECK', () => {
    const plan = planNodeRecipe({ ...ordersProfile, port: undefined }, defaultOptions);
    expect(findStage(plan, 'runtime')?.steps.some((step) => step.kind === 'expose' || step.kind === 'healthcheck')).toBe(false);
  });
});
