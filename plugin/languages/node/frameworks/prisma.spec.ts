import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '../../../detect/detect-input';
import { detectNodeProject } from '../detect-node-project';
import { planNodeRecipe } from '../plan-node-recipe';
import { withSettings } from '../../../detect/service-settings';
import { graphOf, lock, memoryFs, rootPackageJson, slim, stage } from './__fixtures__/framework-workspace';

describe('framework providers', () => {
  const prismaProject: ProjectInput = {
    name: 'store',
    root: 'apps/store',
    targets: {
      build: {
        executor: 'nx:run-commands',
        options: {
          command:
            'esbuild apps/store/src/main.ts --bundle --platform=node --packages=external --outfile=dist/apps/store/main.js',
        },
      },
    },
  };
  const prismaFiles = (generator: string, packages: Record<string, object> = {}) => ({
    'package.json': rootPackageJson,
    'package-lock.json': lock(packages),
    'libs/db/prisma/schema.prisma': `generator client {\n  ${generator}\n}\ndatasource db {\n  provider = "sqlite"\n}\n`,
  });

  it('Prisma with the prisma-client generator: generate before the build, no engine, no OpenSSL', () => {
    const fs = memoryFs(prismaFiles('provider = "prisma-client"\n  output = "../src/generated"'));
    const profile = detectNodeProject({
      fs,
      project: prismaProject,
      graph: graphOf(prismaProject, ['express'], { db: 'libs/db' }),
    });
    expect(profile.frameworks?.map((facts) => facts.name)).toEqual(['Express', 'Prisma']);
    const plan = planNodeRecipe(withSettings(profile, slim));
    expect(stage(plan.stages, 'build')).toContainEqual({
      kind: 'run',
      role: 'build',
      command: [
        '/bin/sh',
        '-c',
        'env PRISMA_SCHEMA_ENGINE_BINARY=/bin/true prisma generate --schema libs/db/prisma/schema.prisma',
      ],
      mounts: [],
    });
    expect(JSON.stringify(stage(plan.stages, 'runtime'))).not.toContain('apt-get');
  });

  it('Prisma with the Rust engine: node_modules/.prisma copied, libssl3 in the slim runtime, openssl in the build', () => {
    const fs = memoryFs(prismaFiles('provider = "prisma-client-js"'));
    const profile = detectNodeProject({
      fs,
      project: prismaProject,
      graph: graphOf(prismaProject, [], { db: 'libs/db' }),
    });
    const plan = planNodeRecipe(withSettings(profile, slim));
    const runtime = JSON.stringify(stage(plan.stages, 'runtime'));
    expect(runtime).toContain('apt-get install -y --no-install-recommends libssl3');
    expect(runtime).toContain('/workspace/node_modules/.prisma');
    expect(JSON.stringify(stage(plan.stages, 'base'))).toContain('--no-install-recommends openssl');
  });
});
