// Builds the publishable package: TypeScript to dist/, plus the non-TS files the
// plugin reads at run time (templates, the scripts embedded in Dockerfiles).
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
// The scripts render-dockerfile.ts inlines as heredocs (its SCRIPTS map): tsc copies no .js/.sh sources.
for (const script of ['node/prune-npm-workspaces.js', 'node/prune-yarn-classic.js', 'python/venv-overlay.sh']) {
  cpSync(join(root, 'plugin/languages', script), join(root, 'dist/plugin/languages', script));
}
cpSync(join(root, 'plugin/versions.json'), join(root, 'dist/plugin/versions.json'));
console.log('built dist/');
