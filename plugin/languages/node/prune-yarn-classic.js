'use strict';
// Prunes a Yarn 1 yarn.lock, in place, to what the root package.json and the given workspaces
// reach, so unrelated projects' dependency changes leave the pruned bytes (and the Docker install
// layer keyed on them) untouched. Parsing and writing use yarn's own lockfile module
// (@yarnpkg/lockfile, installed by the Dockerfile beside this script); `yarn install
// --frozen-lockfile` on the result proves it.
// Plain CommonJS, embedded into the Dockerfile as a heredoc (`RUN node - <workspaces...>`):
// no line of this file may start with a hash sign or contain a backslash.

const LOCKFILE_MODULE = '/opt/nx-dockerize/lib/node_modules/@yarnpkg/lockfile';
const MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];
const ENTRY_FIELDS = ['dependencies', 'optionalDependencies'];

/** `name@range` patterns a manifest asks for, minus the workspace packages (yarn links those). */
function listPatterns(manifest, fields, workspaceNames) {
  const patterns = [];
  for (const field of fields) {
    for (const [name, range] of Object.entries(manifest[field] || {})) {
      if (!workspaceNames.has(name)) patterns.push(`${name}@${range}`);
    }
  }
  return patterns;
}

/**
 * Pure: the lockfile entries reachable from the manifests. Yarn 1 keys each entry by every
 * pattern that resolved to it, so a reached pattern keeps exactly its key.
 */
function pruneYarnClassic(lockObject, manifests) {
  const workspaceNames = new Set(manifests.map((manifest) => manifest.name).filter(Boolean));
  const kept = {};
  const queue = manifests.flatMap((manifest) => listPatterns(manifest, MANIFEST_FIELDS, workspaceNames));
  while (queue.length > 0) {
    const pattern = queue.shift();
    if (kept[pattern] || !lockObject[pattern]) continue;
    kept[pattern] = lockObject[pattern];
    queue.push(...listPatterns(lockObject[pattern], ENTRY_FIELDS, new Set()));
  }
  const sorted = {};
  for (const key of Object.keys(kept).sort()) sorted[key] = kept[key];
  return sorted;
}

function runCli(argv) {
  const fs = require('fs');
  const lockfile = require(LOCKFILE_MODULE);
  const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const manifests = [readJson('package.json'), ...argv.map((workspace) => readJson(`${workspace}/package.json`))];
  const parsed = lockfile.parse(fs.readFileSync('yarn.lock', 'utf8'));
  if (parsed.type !== 'success') throw new Error(`prune-yarn-classic: yarn.lock has merge conflicts (${parsed.type}). Run yarn install and commit it.`);
  fs.writeFileSync('yarn.lock', lockfile.stringify(pruneYarnClassic(parsed.object, manifests)));
}

module.exports = { pruneYarnClassic, runCli };

if (require.main === module || module.id === '[stdin]') runCli(process.argv.slice(2).filter((arg) => !arg.startsWith('--')));
