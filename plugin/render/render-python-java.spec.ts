import { describe, expect, it } from 'vitest';
import type { DockerizeOptions, JavaProfile, PythonProfile } from '../types';
import {
  gradleBootProfile,
  mavenBootProfile,
  mavenProfile,
  pipHashesProfile,
  uvicornProfile,
  uvProfile,
} from '../plan/__fixtures__/python-java-profiles';
import { planProject } from '../plan/plan-project';
import { renderDockerfile } from './render-dockerfile';
import { renderDockerignore } from './render-dockerignore';
import { withSettings } from '../detect/service-settings';

const slim: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };
const CASES: [string, PythonProfile | JavaProfile, DockerizeOptions][] = [
  ['python-uv', uvProfile, slim],
  ['python-uvicorn-distroless', uvicornProfile, { ...slim, runtime: 'distroless' }],
  ['python-pip-hashes', pipHashesProfile, slim],
  ['java-maven', mavenProfile, slim],
  ['java-maven-boot', mavenBootProfile, slim],
  ['java-gradle-boot', gradleBootProfile, slim],
];

/** Instructions with continuation lines folded. */
function toInstructions(dockerfile: string): string[] {
  const lines = dockerfile.split('\n');
  const instructions: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.startsWith('#') || line.trim() === '') continue;
    while (line.endsWith('\\')) line = `${line.slice(0, -1)} ${lines[++i].trim()}`;
    instructions.push(line);
  }
  return instructions;
}

const INSTALL =
  /^RUN .*\b(uv sync --locked --no-dev --no-install-project|pip install --require-hashes|dependency:go-offline|mvnw? -B -ntp (?!-o ).*package|gradlew? --no-daemon dependencies)\b/;

describe('renderDockerfile (Python and Java)', () => {
  it.each(CASES)('%s matches its snapshot and the text-level invariants', async (name, profile, options) => {
    const dockerfile = renderDockerfile(planProject(withSettings(profile, options)));
    const instructions = toInstructions(dockerfile);
    const stages: string[] = [];
    for (const instruction of instructions) {
      const from = /^FROM (\S+) AS (\S+)$/.exec(instruction);
      if (from) stages.push(from[2]);
      for (const ref of instruction.matchAll(/--from=(\S+)/g)) expect(stages, instruction).toContain(ref[1]);
    }
    for (const start of instructions.filter((line) => /^(CMD|ENTRYPOINT) /.test(line)))
      expect(start).toMatch(/^(CMD|ENTRYPOINT) \[("[^"]*"(, )?)+\]$/);
    const users = instructions.filter((line) => line.startsWith('USER '));
    expect(users[users.length - 1]).toMatch(/^USER [1-9]\d*:[1-9]\d*$/);
    // The dependency install comes before the first whole-project COPY.
    const install = instructions.findIndex((line) => INSTALL.test(line));
    const sources = instructions.findIndex((line) => new RegExp(`^COPY ${profile.projectRoot}/ \\./$`).test(line));
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(sources);
    expect(dockerfile).not.toMatch(/^# syntax=/m);
    await expect(dockerfile).toMatchFileSnapshot(`__snapshots__/${name}.Dockerfile`);
    await expect(renderDockerignore(planProject(withSettings(profile, options)))).toMatchFileSnapshot(
      `__snapshots__/${name}.dockerignore`,
    );
  });
});
