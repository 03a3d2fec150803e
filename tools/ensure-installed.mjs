// Lets `npm run examples` and `npm test` work straight after a fresh clone:
// installs the locked dependencies once when they are missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  console.log('[setup] installing locked dependencies (npm ci), first run only');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
