import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every example service the e2e suite builds and probes. A new example (any language)
 * adds one row; the suite runs the same proofs on each.
 */
export interface ExampleService {
  project: string;
  bakeTarget: string;
  port: number;
  /** A route besides /health that must answer 200. */
  route: string;
  /** A source file of the service; the cache proof appends a comment to it. */
  source: string;
  /** BuildKit vertex name of the dependency install/download step that must stay cached. */
  installStep: RegExp;
  /** Edits a different project; none of this service's steps may re-run afterwards... */
  otherProjectEdit: (workspace: string) => void;
  /** ...except these (cheap, content-keyed) ones, which then must re-run. */
  allowedAfterOtherEdit: RegExp[];
}

export const appendComment =
  (file: string, marker = '//') =>
  (workspace: string) =>
    appendFileSync(join(workspace, file), `\n${marker} edited by e2e ${Date.now()}\n`);

type JsonObject = Record<string, unknown>;
const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets a workspace's version in its package.json and in the root lockfile, keeping `npm ci` happy. */
function bumpWorkspaceVersion(workspace: string, root: string, version: string): void {
  /** Sets `version` on the object `pick` finds in the JSON file; throws if there is none. */
  const edit = (file: string, pick: (json: JsonObject) => unknown) => {
    const path = join(workspace, file);
    const json: unknown = JSON.parse(readFileSync(path, 'utf-8'));
    const entry = isJsonObject(json) ? pick(json) : undefined;
    if (!isJsonObject(entry)) throw new Error(`${path}: found no object to set the version of ${root} in`);
    entry.version = version;
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  };
  edit(`${root}/package.json`, (manifest) => manifest);
  edit('package-lock.json', (lock) => (isJsonObject(lock.packages) ? lock.packages[root] : undefined));
}

/** A new dependency of inventory: the root lockfile changes, orders' pruned slice must not. */
function addInventoryDependency(workspace: string): void {
  const args = [
    'install',
    'is-number@7.0.0',
    '--workspace=apps/inventory',
    '--package-lock-only',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
  ];
  execFileSync('npm', args, { cwd: workspace, stdio: 'pipe' });
  // A version unique to this run, so BuildKit cannot answer from an earlier run's cache.
  bumpWorkspaceVersion(workspace, 'apps/inventory', `0.0.${Date.now()}`);
}

export const SERVICES: ExampleService[] = [
  {
    project: 'orders',
    bakeTarget: 'orders',
    port: 3000,
    route: '/orders',
    source: 'apps/orders/src/main.ts',
    installStep: / RUN .*npm ci/,
    otherProjectEdit: addInventoryDependency,
    // Pruning reads the root lockfile, so it re-runs; its output is identical, so nothing after it does.
    allowedAfterOtherEdit: [/^\[manifests \d+\/\d+\] (COPY package\.json|RUN node - )/],
  },
  {
    project: '@examples/inventory',
    bakeTarget: 'examples-inventory',
    port: 3000,
    route: '/inventory',
    source: 'apps/inventory/src/main.ts',
    installStep: / RUN .*npm ci/,
    otherProjectEdit: appendComment('apps/orders/src/main.ts'),
    allowedAfterOtherEdit: [],
  },
  {
    project: 'catalog-go',
    bakeTarget: 'catalog-go',
    port: 8080,
    route: '/catalog',
    source: 'apps/catalog-go/main.go',
    installStep: /^\[deps \d+\/\d+\] RUN .*go mod download/,
    otherProjectEdit: appendComment('apps/search-rust/src/main.rs'),
    allowedAfterOtherEdit: [],
  },
  {
    project: 'search-rust',
    bakeTarget: 'search-rust',
    port: 8081,
    route: '/search?q=tea',
    source: 'apps/search-rust/src/main.rs',
    // The fetch and the dependency build on stub sources: both must stay cached across a source edit.
    installStep: /^\[deps \d+\/\d+\] RUN .*cargo (fetch|build)/,
    otherProjectEdit: appendComment('apps/catalog-go/main.go'),
    allowedAfterOtherEdit: [],
  },
  {
    project: 'pricing-py',
    bakeTarget: 'pricing-py',
    port: 8000,
    route: '/prices',
    source: 'apps/pricing-py/src/pricing/server.py',
    // The dependencies-only sync (lockfile + pyproject.toml copied, no sources) must stay cached.
    installStep: /^\[deps \d+\/\d+\] RUN .*uv sync --locked --no-dev --no-install-project/,
    otherProjectEdit: appendComment('apps/billing-java/src/main/java/com/example/billing/Main.java'),
    allowedAfterOtherEdit: [],
  },
  {
    project: 'billing-java',
    bakeTarget: 'billing-java',
    port: 8080,
    route: '/invoices',
    source: 'apps/billing-java/src/main/java/com/example/billing/Main.java',
    // The pre-fetch: Maven's own build run on the pom alone (go-offline missed BOM-pinned test-scope artifacts).
    installStep: /^\[deps \d+\/\d+\] RUN .*mvn .*-Dmaven\.test\.skip=true package/,
    otherProjectEdit: appendComment('apps/pricing-py/src/pricing/server.py', '#'),
    allowedAfterOtherEdit: [],
  },
];
