// Builds the publishable package: TypeScript to dist/, plus the non-TS files the
// plugin reads at run time (templates, the npm pruner embedded in Dockerfiles).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});
cpSync(join(root, 'templates'), join(root, 'dist/templates'), { recursive: true });
for (const script of ['prune-npm-workspaces.js', 'prune-yarn-classic.js']) {
  cpSync(join(root, 'plugin/languages/node', script), join(root, 'dist/plugin/languages/node', script));
}
cpSync(
  join(root, 'plugin/languages/python/venv-overlay.sh'),
  join(root, 'dist/plugin/languages/python/venv-overlay.sh'),
);
cpSync(join(root, 'plugin/versions.json'), join(root, 'dist/plugin/versions.json'));
console.log('built dist/');
