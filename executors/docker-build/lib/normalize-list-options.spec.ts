import { describe, expect, it } from 'vitest';
import type { DockerBuildExecutorSchema } from '../schema';
import { normalizeListOptions } from './normalize-list-options';

describe('normalizeListOptions: every list option takes a string or an array', () => {
  it('turns one --secrets=… flag (a string) into a one-item list, commas kept', () => {
    const options = { secrets: 'id=npmrc,src=/home/me/.npmrc' } as unknown as DockerBuildExecutorSchema;
    expect(normalizeListOptions(options).secrets).toEqual(['id=npmrc,src=/home/me/.npmrc']);
  });

  it('turns a string tag into a list and splits a comma list of platforms', () => {
    const options = { tags: '{sha}', platforms: 'linux/amd64,linux/arm64' } as unknown as DockerBuildExecutorSchema;
    expect(normalizeListOptions(options)).toMatchObject({ tags: ['{sha}'], platforms: ['linux/amd64', 'linux/arm64'] });
  });

  it('leaves arrays and absent options as they are', () => {
    const options: DockerBuildExecutorSchema = {
      secrets: ['id=a,src=a', 'id=b,env=B'],
      tags: ['{branch}'],
      cache: 'none',
    };
    expect(normalizeListOptions(options)).toEqual(options);
    expect(normalizeListOptions({ cache: 'none' })).toEqual({ cache: 'none' });
  });
});
