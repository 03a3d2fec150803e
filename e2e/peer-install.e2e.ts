import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NX_MAJORS } from './lib/nx-majors';
import { packPlugin } from './lib/nx-workspace';

/**
 * `npm install` of the packed plugin into a fresh workspace of each supported Nx major raises no
 * peer warning and leaves a valid tree (`npm ls --all`). Nx 23 and 24 start from `nx` alone, as
 * `nx init` leaves them; Nx 22 also has its own @nx/devkit, as README asks (npm's peer
 * auto-install would pick @nx/devkit 24.0.0, whose peer range starts at nx 23). No Docker.
 */
const npm = (cwd: string, args: string[]) => {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf-8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

let tarball = '';
const dirs: string[] = [];
beforeAll(() => {
  tarball = packPlugin();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each(NX_MAJORS)('fresh Nx $major ($nx) workspace', (nx) => {
  it('npm install of the packed plugin raises no peer warning', () => {
    const dir = mkdtempSync(join(tmpdir(), `nx-dockerize-peer-${nx.major}-`));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fresh', private: true }, null, 2));
    writeFileSync(
      join(dir, 'nx.json'),
      JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2),
    );
    const workspacePackages = nx.major === 22 ? [`nx@${nx.nx}`, `@nx/devkit@${nx.devkit}`] : [`nx@${nx.nx}`];
    const base = npm(dir, ['install', '--save-dev', '--save-exact', ...workspacePackages]);
    expect(base.status, base.output).toBe(0);
    const install = npm(dir, ['install', '--save-dev', tarball]);
    expect(install.status, install.output).toBe(0);
    expect(install.output).not.toMatch(/peer|ERESOLVE/i);
    const tree = npm(dir, ['ls', '--all']);
    expect(tree.status, tree.output).toBe(0);
    expect(tree.output).toMatch(new RegExp(`nx-dockerize@`));
  });
});
