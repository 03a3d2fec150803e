/**
 * Writes the monorepo workload (#17) into bench/workloads/monorepo/workspace/: an Nx workspace on npm
 * workspaces with 12 small Node services (6 Fastify, 6 Express, plain CommonJS, no build step) and 5
 * shared libraries. Every service uses `@mono/log` and `@mono/config` (libraries used by all), one
 * third-party package of its own, and exactly one of three group libraries, each shared by 3 services:
 *
 *   libs/money (big.js)   -> orders, billing, payments      <- the bench edits this one: k = 3 of N = 12
 *   libs/geo (ngeohash)   -> shipping, stores, delivery
 *   libs/text (slugify)   -> search, catalog, reviews
 *   (no group library)    -> users, notifications, gateway
 *
 * The lockfile is made by npm itself (`npm install --package-lock-only`, no scripts), and the whole
 * result is committed, so every bench run builds the same bytes. Re-run after changing this file:
 *   npx tsx bench/workloads/monorepo/generate.ts
 * Root devDependencies mirror examples/ (nx 24.0.6 etc.), as a real Nx workspace has them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const WORKSPACE = join(__dirname, 'workspace');

interface Lib {
  name: string;
  dep: [string, string];
  /** CommonJS body of src/index.js. */
  source: string;
}

interface Service {
  name: string;
  framework: 'fastify' | 'express';
  dep: [string, string];
  lib?: string;
  /** Route path and the expression (over `req` and the imports) it answers with. */
  route: string;
  body: string;
}

export const LIBS: Lib[] = [
  {
    name: 'log',
    dep: ['ms', '2.1.3'],
    source: `const ms = require('ms');\nconst started = Date.now();\n\n/** One JSON line per event, with the process uptime. */\nexports.log = (service, event) =>\n  console.log(JSON.stringify({ service, event, uptime: ms(Date.now() - started) }));\n`,
  },
  {
    name: 'config',
    dep: ['bytes', '3.1.2'],
    source: `const bytes = require('bytes');\n\n/** The settings every service reads, from the environment with defaults. */\nexports.config = () => ({\n  bodyLimit: bytes(process.env.BODY_LIMIT ?? '1mb'),\n});\n`,
  },
  {
    name: 'money',
    dep: ['big.js', '7.0.1'],
    source: `const Big = require('big.js');\n\n/** Sum of decimal amounts, exactly, as a string with two decimals. */\nexports.total = (amounts) => amounts.reduce((sum, a) => sum.plus(a), new Big(0)).toFixed(2);\n`,
  },
  {
    name: 'geo',
    dep: ['ngeohash', '0.6.3'],
    source: `const geohash = require('ngeohash');\n\n/** Geohash of a latitude/longitude pair, 7 characters. */\nexports.cell = (lat, lon) => geohash.encode(Number(lat), Number(lon), 7);\n`,
  },
  {
    name: 'text',
    dep: ['slugify', '1.6.6'],
    source: `const slugify = require('slugify');\n\n/** URL slug of a title. */\nexports.slug = (title) => slugify(String(title), { lower: true, strict: true });\n`,
  },
];

const svc = (
  name: string,
  framework: Service['framework'],
  dep: [string, string],
  lib: string | undefined,
  route: string,
  body: string,
): Service => ({ name, framework, dep, lib, route, body });

export const SERVICES: Service[] = [
  svc(
    'orders',
    'fastify',
    ['uuid', '9.0.1'],
    'money',
    '/orders/total',
    `({ id: uuid.v4(), total: money.total(['1.10', '2.20']) })`,
  ),
  svc(
    'billing',
    'express',
    ['dayjs', '1.11.13'],
    'money',
    '/billing/due',
    `({ due: dayjs('2026-01-01').add(30, 'day').format('YYYY-MM-DD'), amount: money.total(['9.99', '0.01']) })`,
  ),
  svc(
    'payments',
    'fastify',
    ['validator', '13.15.15'],
    'money',
    '/payments/check',
    `({ card: validator.isCreditCard('4111111111111111'), total: money.total(['0.1', '0.2']) })`,
  ),
  svc(
    'shipping',
    'express',
    ['pluralize', '8.0.0'],
    'geo',
    '/shipping/zone',
    `({ zone: geo.cell(52.52, 13.405), boxes: pluralize('box', 3, true) })`,
  ),
  svc(
    'stores',
    'fastify',
    ['escape-html', '1.0.3'],
    'geo',
    '/stores/near',
    `({ cell: geo.cell(48.8566, 2.3522), name: escapeHtml('<Paris & Co>') })`,
  ),
  svc(
    'delivery',
    'express',
    ['ms', '2.1.3'],
    'geo',
    '/delivery/eta',
    `({ cell: geo.cell(40.7128, -74.006), eta: ms(90 * 60 * 1000, { long: true }) })`,
  ),
  svc(
    'search',
    'fastify',
    ['qs', '6.13.1'],
    'text',
    '/search/query',
    `({ slug: text.slug('Hello Search World'), query: qs.stringify({ q: 'nx', page: 2 }) })`,
  ),
  svc(
    'catalog',
    'express',
    ['semver', '7.6.3'],
    'text',
    '/catalog/item',
    `({ slug: text.slug('Blue Widget, Large'), newer: semver.gt('1.2.0', '1.1.9') })`,
  ),
  svc(
    'reviews',
    'fastify',
    ['he', '1.2.0'],
    'text',
    '/reviews/latest',
    `({ slug: text.slug('Great product!'), quote: he.encode('5 < 6 & "fine"') })`,
  ),
  svc(
    'users',
    'express',
    ['cookie', '0.7.2'],
    undefined,
    '/users/me',
    `({ user: 'ada', cookie: cookie.serialize('session', 'abc') })`,
  ),
  svc(
    'notifications',
    'fastify',
    ['mime-types', '2.1.35'],
    undefined,
    '/notifications/type',
    `({ type: mimeTypes.lookup('mail.html') })`,
  ),
  svc('gateway', 'express', ['bytes', '3.1.2'], undefined, '/gateway/limits', `({ limit: bytes(10 * 1024 * 1024) })`),
];

const FRAMEWORKS = { fastify: '5.2.1', express: '4.21.2' };

/** JavaScript identifier for a package import: mime-types -> mimeTypes. */
const ident = (pkg: string) => pkg.replace(/[-.]([a-z])/g, (_m, c: string) => c.toUpperCase());

export function serviceSource(s: Service): string {
  const requires = [
    `const { log } = require('@mono/log');`,
    `const { config } = require('@mono/config');`,
    `const ${ident(s.dep[0])} = require('${s.dep[0]}');`,
    ...(s.lib ? [`const ${s.lib} = require('@mono/${s.lib}');`] : []),
  ];
  const server =
    s.framework === 'fastify'
      ? [
          `const app = require('fastify')({ bodyLimit: config().bodyLimit });`,
          `app.get('/health', async () => ({ status: 'ok' }));`,
          `app.get('${s.route}', async () => ${s.body});`,
          `app.listen({ port, host: '0.0.0.0' }).then(() => log('${s.name}', 'listening'));`,
        ]
      : [
          `const express = require('express');`,
          `const app = express();`,
          `app.use(express.json({ limit: config().bodyLimit }));`,
          `app.get('/health', (_req, res) => res.json({ status: 'ok' }));`,
          `app.get('${s.route}', (_req, res) => res.json(${s.body}));`,
          `app.listen(port, () => log('${s.name}', 'listening'));`,
        ];
  return [...requires, '', 'const port = Number(process.env.PORT ?? 3000);', ...server, ''].join('\n');
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function write(file: string, content: string): void {
  mkdirSync(dirname(join(WORKSPACE, file)), { recursive: true });
  writeFileSync(join(WORKSPACE, file), content);
}

function writeLib(lib: Lib): void {
  const manifest = {
    name: `@mono/${lib.name}`,
    version: '1.0.0',
    private: true,
    main: 'src/index.js',
    dependencies: { [lib.dep[0]]: lib.dep[1] },
  };
  write(`libs/${lib.name}/package.json`, json(manifest));
  write(`libs/${lib.name}/src/index.js`, lib.source);
}

function writeService(s: Service): void {
  const libs = ['log', 'config', ...(s.lib ? [s.lib] : [])];
  const dependencies: Record<string, string> = { [s.framework]: FRAMEWORKS[s.framework], [s.dep[0]]: s.dep[1] };
  for (const l of libs) dependencies[`@mono/${l}`] = '*';
  const manifest = {
    name: `@mono/${s.name}`,
    version: '1.0.0',
    private: true,
    main: 'src/main.js',
    scripts: { start: 'node src/main.js' },
    dependencies,
    nx: { name: s.name, projectType: 'application' },
  };
  write(`apps/${s.name}/package.json`, json(manifest));
  write(`apps/${s.name}/src/main.js`, serviceSource(s));
}

function main(): void {
  rmSync(WORKSPACE, { recursive: true, force: true });
  const root = {
    name: 'mono',
    private: true,
    workspaces: ['apps/*', 'libs/*'],
    devDependencies: { nx: '24.0.6' },
  };
  write('package.json', json(root));
  write('nx.json', json({ $schema: './node_modules/nx/schemas/nx-schema.json' }));
  write('.nvmrc', '22\n');
  write('.gitignore', 'node_modules/\n.nx/\n');
  for (const lib of LIBS) writeLib(lib);
  for (const s of SERVICES) writeService(s);
  const npm = ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'];
  execFileSync('npm', npm, { cwd: WORKSPACE, stdio: 'inherit' });
}

if (require.main === module) main();
