import { describe, it } from 'vitest';
import type { NodeProfile } from '../types';
import versions from '../versions.json';
import type { ProjectInput } from './detect-input';
import { expectNodeCase, type DetectCase } from './__fixtures__/detect-cases';

const api: ProjectInput = { name: '@ws/api', root: 'apps/api' };
const defaultMajor = versions.node.defaultMajor;

/**
 * Node detection, the Node version: option, then project engines, root engines, .nvmrc, .node-version, the default.
 * One row per fixture directory under __fixtures__/ (a tiny workspace each).
 */
const cases: DetectCase<Partial<NodeProfile>>[] = [
  {
    name: 'node: project engines beat root engines and .nvmrc',
    fixture: 'node-engines-project',
    project: api,
    expected: { nodeVersion: { value: '20', source: 'apps/api/package.json#engines.node (^20.11.0)' } },
  },
  {
    name: 'node: root engines (>=18 <23 → the default when allowed) beat .nvmrc',
    fixture: 'node-engines-root',
    project: api,
    expected: { nodeVersion: { value: defaultMajor, source: 'package.json#engines.node (>=18 <23)' } },
  },
  {
    name: 'node: .nvmrc (with a comment) beats .node-version',
    fixture: 'node-nvmrc',
    project: api,
    expected: { nodeVersion: { value: '20', source: '.nvmrc (v20.11.1)' } },
  },
  {
    name: 'node: .node-version',
    fixture: 'node-node-version',
    project: api,
    expected: { nodeVersion: { value: '18', source: '.node-version (18.19.0)' } },
  },
  {
    name: 'node: options.nodeVersion beats every file',
    fixture: 'node-engines-project',
    project: api,
    options: { nodeVersion: '24' },
    expected: { nodeVersion: { value: '24', source: 'options.nodeVersion (24)' } },
  },
];

describe('detectNodeProject', () => {
  it.each(cases)('$name', expectNodeCase);
});
