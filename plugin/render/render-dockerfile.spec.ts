import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DockerizeOptions, NodeProfile } from '../types';
import { defaultOptions, inventoryProfile, ordersProfile, pnpmProfile } from '../plan/__fixtures__/node-profiles';
import { planProject } from '../plan/plan-project';
import { renderDockerfile } from './render-dockerfile';
import { renderDockerignore } from './render-dockerignore';
import { withSettings } from '../detect/service-settings';

const CASES: [string, NodeProfile, DockerizeOptions][] = [
  ['npm-integrated', ordersProfile, defaultOptions],
  ['npm-package-prod-deps', { ...inventoryProfile, workspaceManifests: ['libs/health'] }, defaultOptions],
  ['pnpm', pnpmProfile, defaultOptions],
  ['distroless', ordersProfile, { ...defaultOptions, runtime: 'distroless' }],
  ['copy-output', inventoryProfile, { ...defaultOptions, buildMode: 'copy-output' }],
];

/** Dockerfile instructions with heredoc bodies and continuation lines folded away. */
function toInstructions(dockerfile: string): string[] {
  const lines = dockerfile.split('\n');
  const instructions: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.startsWith('#') || line.trim() === '') continue;
    while (line.endsWith('\\')) line = `${line.slice(0, -1)} ${lines[++i].trim()}`;
    const heredoc = line.match(/<<'?([A-Z_]+)'?$/);
    if (heredoc) while (lines[i + 1] !== heredoc[1]) i++;
    if (heredoc) i++;
    instructions.push(line);
  }
  return instructions;
}

const MANIFEST =
  /(^|\/)(package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|pnpm-workspace\.yam\[l\]|\.yarnrc\.ym\[l\])$/;

function isSourceCopy(instruction: string): boolean {
  if (!instruction.startsWith('COPY ') || instruction.includes('--from=')) return false;
  const sources = instruction
    .split(' ')
    .slice(1, -1)
    .filter((word) => !word.startsWith('--'));
  return !sources.every((source) => MANIFEST.test(source));
}

function checkDockerfileText(dockerfile: string): void {
  const instructions = toInstructions(dockerfile);
  const stages: string[] = [];
  for (const instruction of instructions) {
    const from = instruction.match(/^FROM (?:--platform=\S+ )?(\S+) AS (\S+)$/);
    if (from) {
      if (!from[1].includes(':') && !from[1].includes('/')) expect(stages, `FROM ${from[1]}`).toContain(from[1]);
      stages.push(from[2]);
    }
    for (const ref of instruction.matchAll(/--from=(\S+)/g)) expect(stages, instruction).toContain(ref[1]);
  }
  for (const start of instructions.filter((line) => /^(CMD|ENTRYPOINT) /.test(line))) {
    expect(start).toMatch(/^(CMD|ENTRYPOINT) \[("[^"]*"(, )?)+\]$/);
  }
  const users = instructions.filter((line) => line.startsWith('USER '));
  expect(users[users.length - 1]).toMatch(/^USER [1-9]\d*:[1-9]\d*$/);
  const firstSource = instructions.findIndex(isSourceCopy);
  const lastInstall = instructions.map((line) => /^RUN .*\b(npm ci|install)\b/.test(line)).lastIndexOf(true);
  expect(firstSource).toBeGreaterThan(-1);
  expect(lastInstall).toBeLessThan(firstSource);
  expect(dockerfile).not.toMatch(/^# syntax=/m);
}

describe('renderDockerfile', () => {
  it.each(CASES)('%s matches its snapshot and the text-level invariants', async (name, profile, options) => {
    const plan = planProject(withSettings(profile, options));
    const dockerfile = renderDockerfile(plan);
    checkDockerfileText(dockerfile);
    await expect(dockerfile).toMatchFileSnapshot(`__snapshots__/${name}.Dockerfile`);
    await expect(renderDockerignore(plan)).toMatchFileSnapshot(`__snapshots__/${name}.dockerignore`);
  });

  it('embeds the npm pruner as a quoted heredoc fed to node on stdin', () => {
    const dockerfile = renderDockerfile(planProject(withSettings(inventoryProfile, defaultOptions)));
    expect(dockerfile).toMatch(
      /^RUN node - --out=. apps\/inventory <<'PRUNE_NPM_WORKSPACES'\n'use strict';\n[\s\S]*\nPRUNE_NPM_WORKSPACES\n/m,
    );
  });

  it('lets a workspace override one partial from a directory, keeping the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    mkdirSync(join(dir, 'partials/stage'), { recursive: true });
    writeFileSync(
      join(dir, 'partials/stage/runtime.hbs'),
      '# golden image\nFROM registry.example.com/node-golden:22 AS {{name}}\n{{#each steps}}\n{{> (lookup . "partial")}}\n{{/each}}\n',
    );
    const dockerfile = renderDockerfile(planProject(withSettings(ordersProfile, defaultOptions)), { templateDir: dir });
    expect(dockerfile).toContain('# golden image\nFROM registry.example.com/node-golden:22 AS runtime\nWORKDIR /app\n');
    expect(dockerfile).toContain('FROM node:22-bookworm-slim AS base');
  });

  it('accepts overrides as a map (for an Nx Tree), keyed like the files', () => {
    const dockerfile = renderDockerfile(planProject(withSettings(ordersProfile, defaultOptions)), {
      partials: { 'partials/instr/user': 'USER {{user}} # org policy\n' },
    });
    expect(dockerfile).toContain('USER 1000:1000 # org policy\n');
  });

  it('fails loudly (strict) when an override names a field the view lacks', () => {
    expect(() =>
      renderDockerfile(planProject(withSettings(ordersProfile, defaultOptions)), {
        partials: { 'instr/user': 'USER {{username}}\n' },
      }),
    ).toThrow(/username/);
  });
});
