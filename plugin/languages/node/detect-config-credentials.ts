import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';

/**
 * Package-manager config files: they may name registries and hold credentials. The install
 * reads the root ones (install inputs); a package's own copy comes along with its sources.
 * None of them reaches the runtime stage (node-runtime-stage.ts excludes them from every COPY).
 * `.pnpmfile.cjs` is code, not config: it stays an ordinary install input.
 */
export const PACKAGE_MANAGER_CONFIG_FILES = ['.npmrc', '.yarnrc', '.yarnrc.yml', 'bunfig.toml'];

/**
 * Keys whose value is a credential: npm's ini keys (npm docs, "npmrc": `_authToken`, `_auth`,
 * `_password`, also after a `//registry/:` prefix; yarn 1's `.yarnrc` writes the same keys with a
 * space instead of `=`), Yarn Berry's `npmAuthToken`/`npmAuthIdent` (yarnrc docs) and bun's
 * `token`/`password` (bunfig docs, [install.registry]).
 */
const CREDENTIAL_LINES: Record<string, RegExp> = {
  '.npmrc': /^\s*"?(?:\S*:)?(_authToken|_auth|_password)"?\s*[=\s]\s*"?([^"\s]*)/,
  '.yarnrc': /^\s*"?(?:\S*:)?(_authToken|_auth|_password)"?\s*[=\s]\s*"?([^"\s]*)/,
  '.yarnrc.yml': /^\s*(npmAuthToken|npmAuthIdent)\s*:\s*["']?([^"'\s#]*)/,
  'bunfig.toml': /(?:^|[\s{,])(token|password)\s*=\s*["']([^"']*)/,
};

/**
 * A password inside a URL's userinfo (`https://user:secret@npm.example.com/`, RFC 3986 §3.2.1), which
 * npm (`registry=`), yarn (`npmRegistryServer:`) and bun (`registry =`) all accept. A password that is
 * an env reference (`${NPM_PASSWORD}`, `$NPM_PASSWORD`) is no literal.
 */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"']+:([^/\s@"']+)@/i;

/** The first literal credential in a config file's text: `{ key, line }` (1-based), or undefined. An env reference (`${NPM_TOKEN}`, `$NPM_TOKEN`) is no literal. */
export function findLiteralCredential(name: string, text: string): { key: string; line: number } | undefined {
  const pattern = CREDENTIAL_LINES[name];
  if (!pattern) return undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (/^\s*[#;]/.test(line)) continue;
    const match = pattern.exec(line);
    if (match && match[2] !== '' && !match[2].includes('$')) return { key: match[1], line: index + 1 };
    const password = URL_PASSWORD.exec(line)?.[1];
    if (password && !password.includes('$')) return { key: 'password in a registry URL', line: index + 1 };
  }
  return undefined;
}

/**
 * The config files that enter the build: the root ones the install reads (its install inputs),
 * and every package's own copy in the project's and its libraries' folders (their folder copies
 * carry it; a root project's folder is the whole workspace).
 */
export function listConfigFilesInBuild(installInputs: string[], roots: string[]): string[] {
  const dirs = [...new Set(roots.map((root) => joinPath(root)))];
  const inRoot = PACKAGE_MANAGER_CONFIG_FILES.filter((name) => installInputs.includes(name) || dirs.includes('.'));
  const inPackages = dirs
    .filter((dir) => dir !== '.')
    .flatMap((dir) => PACKAGE_MANAGER_CONFIG_FILES.map((name) => `${dir}/${name}`));
  return [...inRoot, ...inPackages];
}

/**
 * Refuses to write a Dockerfile when a config file that enters the build holds a literal
 * credential: every stage that copies it holds it in a layer, and a `mode=max` registry cache
 * pushes those stages. Throws an Error naming the project, the file (and line) and the fix.
 */
export function assertNoLiteralCredentials(fs: FsView, project: string, files: string[]): void {
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const found = findLiteralCredential(name, fs.read(file) ?? '');
    if (!found) continue;
    const reference = found.key.includes('URL')
      ? 'https://<registry>/ with the credentials in an _auth or npmAuthIdent setting'
      : name === '.yarnrc.yml'
        ? `${found.key}: "\${NPM_TOKEN:-}"`
        : name === 'bunfig.toml'
          ? `${found.key} = "$NPM_TOKEN"`
          : `//<registry>/:${found.key}=\${NPM_TOKEN}`;
    throw createDetectError({
      project,
      file: `${file}:${found.line}`,
      problem: `holds a literal registry credential (${found.key}); the build copies this file, so the token would sit in an image layer and in any pushed build cache`,
      fix: `replace the value with an environment reference (${reference}) and pass the token as the npm-token build secret (--secret id=npm-token,env=NPM_TOKEN), or keep the credentials in your user config and pass it as the npmrc build secret (--secret id=npmrc,src=$HOME/.npmrc); see README, "Private registries"`,
    });
  }
}
