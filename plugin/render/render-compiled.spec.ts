import { describe, expect, it } from 'vitest';
import type { GoProfile, RustProfile } from '../types';
import {
  compiledOptions,
  goCgoProfile,
  goProfile,
  goWorkspaceProfile,
  rustMemberPqProfile,
  rustMemberProfile,
  rustProfile,
  rustWorkspaceProfile,
} from '../plan/__fixtures__/compiled-profiles';
import { planProject } from '../plan/plan-project';
import { renderDockerfile } from './render-dockerfile';
import { renderDockerignore } from './render-dockerignore';
import { withSettings } from '../detect/service-settings';

const CASES: [string, GoProfile | RustProfile][] = [
  ['go', goProfile],
  ['go-cgo', goCgoProfile],
  ['rust', rustProfile],
  ['rust-workspace', rustWorkspaceProfile],
  ['go-workspace-mode', goWorkspaceProfile],
  ['rust-member-openssl', rustMemberProfile],
  ['rust-member-libpq', rustMemberPqProfile],
];

/** Instructions with continuation lines folded, comments dropped. */
function toInstructions(dockerfile: string): string[] {
  const lines = dockerfile.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.startsWith('#') || line.trim() === '') continue;
    while (line.endsWith('\\')) line = `${line.slice(0, -1)} ${lines[++i].trim()}`;
    out.push(line);
  }
  return out;
}

describe('renderDockerfile for Go and Rust', () => {
  it.each(CASES)('%s matches its snapshot and the text-level invariants', async (name, profile) => {
    const plan = planProject(withSettings(profile, compiledOptions));
    const dockerfile = renderDockerfile(plan);
    const instructions = toInstructions(dockerfile);
    const download = instructions.findIndex((line) => /^RUN .*(go mod download|cargo fetch --locked)/.test(line));
    const targetArg = instructions.findIndex((line) => /^ARG TARGET(OS|ARCH|PLATFORM)$/.test(line));
    const firstSource = instructions.findIndex(
      (line) =>
        /^COPY (?!--from)/.test(line) && !/(go\.mod|go\.sum|go\.work(\.sum)?|Cargo\.toml|Cargo\.lock) \S+$/.test(line),
    );
    expect(download).toBeGreaterThan(-1);
    expect(targetArg).toBeGreaterThan(download);
    expect(firstSource).toBeGreaterThan(targetArg);
    expect(instructions.filter((line) => line.startsWith('USER ')).at(-1)).toBe('USER 65532:65532');
    expect(instructions.at(-1)).toMatch(/^ENTRYPOINT \["\/app\/[a-z-]+"\]$/);
    expect(dockerfile).not.toMatch(/^# syntax=/m);
    await expect(dockerfile).toMatchFileSnapshot(`__snapshots__/${name}.Dockerfile`);
    await expect(renderDockerignore(plan)).toMatchFileSnapshot(`__snapshots__/${name}.dockerignore`);
  });
});
