import { posix } from 'node:path';
import { joinPath } from '../../../detect/join-path';
import type { FrameworkFacts, FrameworkInput, FrameworkProvider } from './framework-provider';

/** Where `prisma init` and common layouts put the schema, relative to a project or library root. */
const SCHEMA_PLACES = ['prisma/schema.prisma', 'schema.prisma', 'src/prisma/schema.prisma', 'prisma/schema'];

interface Generator {
  provider?: string;
  output?: string;
  engineType?: string;
}

/**
 * Prisma, an add-on to any server: a `schema.prisma` in the project or one of its closure
 * libraries. `prisma generate` runs in the build stage before the build (the runtime would
 * otherwise get the placeholder client that throws "did not initialize yet").
 * - `prisma-client` generator or `engineType = "client"` (Prisma 6.16+, the default in 7): the
 *   query compiler is wasm from npm and a driver adapter talks to the database, so nothing is
 *   downloaded and no OpenSSL is needed; the client is generated into the sources (`output`)
 *   and built with them.
 * - `prisma-client-js` with the Rust engine: the client and its engine land in
 *   `node_modules/.prisma`, copied into the runtime; the engine links OpenSSL (libssl3), and
 *   `openssl` in the build stage lets Prisma pick the engine build (Prisma docs, "Docker").
 * `generate` never uses the schema engine (it is for migrations), yet Prisma's CLI fetches it
 * from binaries.prisma.sh first; pointing PRISMA_SCHEMA_ENGINE_BINARY at /bin/true for that one
 * command skips a download that proxies and offline builders cannot make (checked with 7.10).
 */
export const prismaProvider: FrameworkProvider = {
  name: 'Prisma',
  kind: 'addon',
  detect(input) {
    const schema = findSchema(input);
    if (!schema) return undefined;
    const generator = readGenerator(input, schema);
    const engineFree = generator.provider === 'prisma-client' || generator.engineType === 'client';
    const generate = `env PRISMA_SCHEMA_ENGINE_BINARY=/bin/true prisma generate --schema ${schema}`;
    const base: FrameworkFacts = {
      name: 'Prisma',
      kind: 'addon',
      evidence: `Prisma schema ${schema} (generator ${generator.provider ?? 'unknown'})`,
      preBuild: [generate],
    };
    if (engineFree) {
      return {
        ...base,
        notes: [
          `Prisma: \`prisma generate\` runs before the build; generator ${generator.provider} needs no query engine (wasm query compiler + driver adapter), so no OpenSSL in the runtime.`,
        ],
      };
    }
    return {
      ...base,
      runtimeCopies: generator.output ? [] : [{ from: 'node_modules/.prisma', to: 'node_modules/.prisma' }],
      systemPackages: {
        build: ['openssl'],
        runtime: ['libssl3'],
        reason: `Prisma's query engine (${schema}) links OpenSSL`,
      },
      notes: [
        'Prisma: `prisma generate` runs before the build; the generated client and its query engine (node_modules/.prisma) are copied into the runtime.',
        'Prisma up to 6 downloads its engines from binaries.prisma.sh at install time: builders that reach only npm cannot; the `prisma-client` generator with a driver adapter needs no download.',
      ],
    };
  },
};

function findSchema({ fs, projectRoot, closure }: FrameworkInput): string | undefined {
  for (const root of [projectRoot, ...closure]) {
    for (const place of SCHEMA_PLACES) {
      const path = joinPath(root, place);
      if (
        fs.read(path) !== undefined ||
        (place === 'prisma/schema' && fs.list(path).some((name) => name.endsWith('.prisma')))
      ) {
        return path;
      }
    }
  }
  return undefined;
}

/** The first `generator` block's fields (a multi-file schema: the first file that has one). */
function readGenerator({ fs }: FrameworkInput, schema: string): Generator {
  const files = schema.endsWith('.prisma')
    ? [schema]
    : fs
        .list(schema)
        .filter((name) => name.endsWith('.prisma'))
        .map((name) => posix.join(schema, name));
  for (const file of files) {
    const block = /generator\s+\w+\s*\{([^}]*)\}/.exec(fs.read(file) ?? '')?.[1];
    if (!block) continue;
    const field = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(block)?.[1];
    return { provider: field('provider'), output: field('output'), engineType: field('engineType') };
  }
  return {};
}
