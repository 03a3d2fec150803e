import { describe, expect, it } from 'vitest';
import { parsePackageManagerField } from './parse-package-manager-field';

describe('parsePackageManagerField', () => {
  it('reads <manager>@<exact version>, yarn 1 as classic', () => {
    expect(parsePackageManagerField('pnpm@9.12.0+sha512.abc', 'api')).toEqual({ manager: 'pnpm', version: '9.12.0' });
    expect(parsePackageManagerField('yarn@1.22.22', 'api')).toEqual({ manager: 'yarn-classic', version: '1.22.22' });
  });

  it('refuses a version-less value and says how to set it by hand (no corepack: the README argues against it)', () => {
    expect(() => parsePackageManagerField('npm', 'api')).toThrow(/npm pkg set packageManager=pnpm@9\.12\.0/);
    expect(() => parsePackageManagerField('npm', 'api')).not.toThrow(/corepack/);
  });
});
