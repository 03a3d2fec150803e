import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { treeFsView } from '../fs-view';
import { detectGoToolchain } from '../languages/go/go-toolchain';
import { detectJavaToolchain } from '../languages/java/java-toolchain';
import { detectPythonVersion } from '../languages/python/detect-python-version';
import versions from '../versions.json';

const newestGo = versions.go.supported.at(-1)!;
/** Version lines all read from one go.mod (go-version-lines.ts). */
const goMod = (lines: { Go?: string; Toolchain?: string }) => ({ ...lines, goFile: 'go.mod', toolchainFile: 'go.mod' });
const newestPython = versions.python.supported.at(-1)!;

describe('Go toolchain policy', () => {
  it('go 1.19 builds with the newest supported Go, never an end-of-life image', () => {
    expect(detectGoToolchain(goMod({ Go: '1.19' }), 'svc').value).toBe(newestGo);
  });
  it('a toolchain line wins; a go line newer than the table is kept as it is', () => {
    expect(detectGoToolchain(goMod({ Go: '1.22', Toolchain: 'go1.25.4' }), 'svc').value).toBe('1.25');
    expect(detectGoToolchain(goMod({ Go: '1.99' }), 'svc').value).toBe('1.99');
  });
  it('the goVersion option, with a clear error when no image exists', () => {
    expect(detectGoToolchain(goMod({ Go: '1.22' }), 'svc', '1.25')).toEqual({
      value: '1.25',
      source: 'the goVersion option',
    });
    expect(() => detectGoToolchain(goMod({}), 'svc', '1.12')).toThrow(
      /"svc": the goVersion option "1\.12" has no golang image \(images exist for 1\.20 to .*Fix:/,
    );
  });
});

describe('Python version policy (PEP 440)', () => {
  const detect = (files: Record<string, string>, requires?: string, pythonVersion?: string) => {
    const tree = createTreeWithEmptyWorkspace();
    for (const [path, text] of Object.entries(files)) tree.write(path, text);
    return detectPythonVersion(
      treeFsView(tree),
      'apps/api',
      requires ? { project: { 'requires-python': requires } } : undefined,
      { project: 'api', pythonVersion },
    );
  };
  it('.python-version first, then the newest supported release requires-python allows', () => {
    expect(detect({ 'apps/api/.python-version': '3.12\n' }, '>=3.10').value).toBe('3.12');
    expect(detect({}, '>=3.10').value).toBe(newestPython);
    expect(detect({}, '>=3.10,<3.13').value).toBe('3.12');
    expect(detect({}, '~=3.11.4').value).toBe('3.11');
    expect(detect({}, '==3.12.*').value).toBe('3.12');
  });
  it('the pythonVersion option, with a clear error when no image exists', () => {
    expect(detect({ 'apps/api/.python-version': '3.12\n' }, undefined, '3.13').value).toBe('3.13');
    expect(() => detect({}, undefined, '2.7')).toThrow(/"api": the pythonVersion option "2\.7" has no python image/);
  });
});

describe('Java release policy', () => {
  const declared = (value: string) => ({ value, source: 'pom.xml (java.version)' });
  it('an LTS is kept; a non-LTS release builds and runs on the next LTS; nothing declared: the default', () => {
    expect(detectJavaToolchain(declared('17'), 'billing')).toEqual(declared('17'));
    expect(detectJavaToolchain(declared('19'), 'billing').value).toBe('21');
    expect(detectJavaToolchain(undefined, 'billing').value).toBe(versions.java.defaultMajor);
  });
  it('the javaVersion option must be an LTS with images', () => {
    expect(detectJavaToolchain(declared('17'), 'billing', '21')).toEqual({
      value: '21',
      source: 'the javaVersion option',
    });
    expect(() => detectJavaToolchain(undefined, 'billing', '22')).toThrow(
      /"billing": the javaVersion option "22" has no eclipse-temurin JDK\/JRE image \(images exist for the LTS releases 8, 11, 17, 21, 25\)/,
    );
  });
});
