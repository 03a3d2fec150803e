import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';
import type { PackageJson } from '../../detect/detect-input';

/** Parses a package.json; undefined when absent, an actionable Error when it is not JSON. */
export function readPackageJson(fs: FsView, path: string, project: string): PackageJson | undefined {
  const text = fs.read(path);
  if (text === undefined) return undefined;
  try {
    // A byte-order mark is not JSON, but npm and Node accept it (editors on Windows write it).
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('expected a JSON object');
    }
    return parsed as PackageJson;
  } catch (error) {
    throw createDetectError({
      project,
      file: path,
      problem: `is not valid JSON (${(error as Error).message})`,
      fix: `correct the JSON in ${path} (\`node -e "require('./${path}')"\` shows where)`,
    });
  }
}
