'use strict';
// Prunes an npm workspace's package.json + package-lock.json (lockfile v2/v3) down to the
// workspaces one project needs, so unrelated projects' dependency changes leave the pruned
// bytes (and therefore the Docker install layer keyed on them) untouched.
// Plain CommonJS on purpose: the renderer embeds this very source into the Dockerfile as a
// heredoc (`RUN node - <workspaces...>`), so it must run on a bare Node with no build step.
// No line of this file may start with a hash sign or contain a backslash: keep it a plain heredoc body.

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const INSTALLED_DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/** Sorts object keys so the output bytes depend on content only, never on insertion order. */
function sortKeys(record) {
  const sorted = {};
  for (const key of Object.keys(record).sort(compareLocations)) sorted[key] = record[key];
  return sorted;
}

function compareLocations(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Directory part of a lockfile location, '' for the root. */
function parentDir(location) {
  const cut = location.lastIndexOf('/');
  return cut < 0 ? '' : location.slice(0, cut);
}

/**
 * Resolves `name` from `location` the way Node and npm do: the nearest
 * `<dir>/node_modules/<name>` walking up from the location itself to the root.
 */
function resolveLocation(packages, location, name) {
  let dir = location;
  for (;;) {
    if (!dir.endsWith('node_modules')) {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[candidate]) return candidate;
    }
    if (!dir) return undefined;
    dir = parentDir(dir);
  }
}

function listDependencyNames(entry, fields) {
  const names = new Set();
  for (const field of fields) for (const name of Object.keys(entry[field] || {})) names.add(name);
  return [...names].sort(compareLocations);
}

/** Every lockfile location reachable from the root and the kept workspaces. */
function collectReachable(packages, keepWorkspaces) {
  const reachable = new Set(['', ...keepWorkspaces]);
  const queue = ['', ...keepWorkspaces].map((location) => ({ location, fields: DEP_FIELDS }));
  while (queue.length > 0) {
    const { location, fields } = queue.shift();
    for (const name of listDependencyNames(packages[location] || {}, fields)) {
      const found = resolveLocation(packages, location, name);
      // A missing optional or peer dependency is legal (other platform, optional peer).
      if (!found || reachable.has(found)) continue;
      reachable.add(found);
      const entry = packages[found];
      if (entry.link) {
        assertKeptLink(entry, found, keepWorkspaces);
        continue;
      }
      queue.push({ location: found, fields: INSTALLED_DEP_FIELDS });
    }
  }
  return reachable;
}

function assertKeptLink(entry, location, keepWorkspaces) {
  if (keepWorkspaces.includes(entry.resolved)) return;
  throw new Error(
    `prune-npm-workspaces: ${location} links to workspace ${entry.resolved}, which is not kept. ` +
      'Add it to the project dependency closure (nx graph) and regenerate the Dockerfile.',
  );
}

/** Link entries (`node_modules/<name>` → a kept workspace) so npm recreates the symlinks. */
function collectWorkspaceLinks(packages, keepWorkspaces) {
  return Object.keys(packages).filter(
    (location) => packages[location].link && keepWorkspaces.includes(packages[location].resolved),
  );
}

/**
 * Pure: returns the root manifest and lockfile reduced to `keepWorkspaces`.
 * The legacy v1 `dependencies` section is dropped (lockfileVersion 3 is exactly v2 without
 * it); npm >= 7 reads only `packages`.
 */
function pruneNpmWorkspaces(rootManifest, lockfile, keepWorkspaces) {
  if (!lockfile.packages) {
    throw new Error('prune-npm-workspaces: package-lock.json has no "packages" map (lockfileVersion 1). Run `npm install` with npm >= 7 to upgrade it.');
  }
  const keep = [...new Set(keepWorkspaces)].sort(compareLocations);
  const missing = keep.filter((workspace) => !lockfile.packages[workspace]);
  if (missing.length > 0) {
    throw new Error(`prune-npm-workspaces: workspaces not in package-lock.json: ${missing.join(', ')}. Run "npm install" and commit the lockfile.`);
  }
  const reachable = collectReachable(lockfile.packages, keep);
  for (const link of collectWorkspaceLinks(lockfile.packages, keep)) reachable.add(link);
  const packages = {};
  for (const location of [...reachable].sort(compareLocations)) packages[location] = lockfile.packages[location];
  packages[''] = { ...packages[''], workspaces: keep };
  const rest = { ...lockfile };
  delete rest.dependencies;
  const prunedLockfile = { ...rest, lockfileVersion: Math.max(3, lockfile.lockfileVersion || 3), packages: sortKeys(packages) };
  return { manifest: { ...rootManifest, workspaces: keep }, lockfile: prunedLockfile };
}

// os.EOL rather than a backslash escape: the source stays free of backslashes, so no heredoc or
// Dockerfile escape rule can ever touch it on its way into the image.
function toJson(value) {
  return JSON.stringify(value, null, 2) + require('os').EOL;
}

/** CLI: `node prune-npm-workspaces.js [--out=/pruned] <workspace...>`, run in the workspace root. */
function runCli(argv) {
  const fs = require('fs');
  const path = require('path');
  const outArg = argv.find((arg) => arg.startsWith('--out='));
  const out = outArg ? outArg.slice('--out='.length) : '/pruned';
  const keep = argv.filter((arg) => !arg.startsWith('--'));
  const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const pruned = pruneNpmWorkspaces(readJson('package.json'), readJson('package-lock.json'), keep);
  const write = (file, content) => {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), content);
  };
  write('package.json', toJson(pruned.manifest));
  write('package-lock.json', toJson(pruned.lockfile));
  // Workspace manifests are copied byte for byte: npm ci checks them against the lockfile.
  for (const workspace of pruned.manifest.workspaces) {
    write(`${workspace}/package.json`, fs.readFileSync(`${workspace}/package.json`));
  }
}

module.exports = { pruneNpmWorkspaces, runCli };

// `[stdin]` is the module id when the Dockerfile pipes this source into `node -`.
if (require.main === module || module.id === '[stdin]') runCli(process.argv.slice(2));
