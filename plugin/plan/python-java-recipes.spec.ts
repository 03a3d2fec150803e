import { describe, expect, it } from 'vitest';
import type { JavaProfile, PythonProfile, RuntimeBase } from '../types';
import versions from '../versions.json';
import {
  gradleAppProfile,
  gradleBootProfile,
  mavenBootProfile,
  mavenProfile,
  pipHashesProfile,
  pipPinnedProfile,
  poetryProfile,
  uvicornProfile,
  uvProfile,
} from './__fixtures__/python-java-profiles';
import { findStage } from './__fixtures__/plan-queries';
import { planProject } from './plan-project';
import { validatePlan } from './validate-plan';
import { withSettings } from '../detect/service-settings';

const RUNTIMES: RuntimeBase[] = ['slim', 'distroless'];
const PYTHON: PythonProfile[] = [uvProfile, uvicornProfile, pipHashesProfile, pipPinnedProfile, poetryProfile];
const JAVA: JavaProfile[] = [mavenProfile, mavenBootProfile, gradleBootProfile, gradleAppProfile];

describe('every Python and Java profile × runtime plans a valid Dockerfile', () => {
  const rows = [...PYTHON, ...JAVA].flatMap((profile) =>
    RUNTIMES.map((runtime) => [`${profile.project} ${runtime}`, profile, runtime] as const),
  );
  it.each(rows)('%s', (_name, profile, runtime) => {
    const plan = planProject(withSettings(profile, { runtime, buildMode: 'docker' }));
    expect(validatePlan(plan)).toEqual([]);
    const runtimeStage = findStage(plan, 'runtime');
    expect(runtimeStage.steps).toContainEqual({
      kind: 'user',
      uid: runtime === 'distroless' ? versions.distroless.nonrootUid : 10001,
      gid: runtime === 'distroless' ? versions.distroless.nonrootUid : 10001,
    });
    // Nothing from base or a dev-dependency deps stage reaches the runtime: the build stage's jar
    // layout or overlay, and Python's production-only deps venv.
    const shipping = new Set(['build', ...plan.stages.filter((stage) => stage.productionOnly).map(({ name }) => name)]);
    expect(
      runtimeStage.steps
        .filter((step) => step.kind === 'copy')
        .every((step) => step.kind === 'copy' && shipping.has(step.from ?? '')),
    ).toBe(true);
  });
});
