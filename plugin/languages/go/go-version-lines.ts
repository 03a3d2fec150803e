import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import type { GoLocalModule } from '../../types';
import { readGoMod, readGoWork } from './read-go-mod';

/** The go/toolchain lines that set the Go a service needs, and the files they come from. */
export interface GoVersionLines {
  /** The highest `go` line among the files the go command reads. */
  Go?: string;
  goFile: string;
  /** The `toolchain` line that applies (go.work's in workspace mode, else the module's). */
  Toolchain?: string;
  toolchainFile: string;
}

/** Go version order for `go` lines (go/version: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1). */
export function compareGoVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const match = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+)|([a-z]+)(\d+))?/.exec(version);
    if (!match) return [0, 0, -2, 0];
    const [, major, minor, patch, , pre] = match;
    // language version (no suffix) < prerelease < release 1.x.0
    return [
      Number(major),
      Number(minor),
      patch !== undefined ? Number(patch) : pre !== undefined ? -1 : -2,
      pre !== undefined ? Number(pre) : 0,
    ];
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * The version lines the go command enforces for one service (go.dev/doc/toolchain): every `go`
 * line it reads is a minimum (the main module's, go.work's in workspace mode, and each local
 * module's: the used modules in workspace mode, the replaced ones in module mode), so the highest
 * wins. `go work init` writes the local Go (e.g. `go 1.26.8`) into go.work, above the modules' own
 * lines. In workspace mode go.work's `toolchain` line applies and the modules' are ignored.
 * A toolchain line below the highest go line does not lower it (the caller compares).
 * Ties name the service's go.mod first, then go.work. Local go.mod files that are missing or
 * malformed are skipped here (detect-local-modules.ts reports them).
 */
export function readGoVersionLines(
  fs: FsView,
  goModPath: string,
  goMod: { Go?: string; Toolchain?: string },
  goWork: { file: string; used: boolean } | undefined,
  localModules: GoLocalModule[],
): GoVersionLines {
  const work = goWork?.used ? readGoWork(fs.read(goWork.file) ?? '', goWork.file) : undefined;
  const candidates: { file: string; Go?: string }[] = [{ file: goModPath, Go: goMod.Go }];
  if (goWork && work) candidates.push({ file: goWork.file, Go: work.Go });
  for (const module of localModules) {
    const file = joinPath(module.dir, 'go.mod');
    try {
      candidates.push({ file, Go: readGoMod(fs.read(file) ?? '', file).Go });
    } catch {
      // reported by detectLocalModules when the build needs it
    }
  }
  let highest = candidates[0];
  for (const candidate of candidates.slice(1)) {
    if (candidate.Go && (!highest.Go || compareGoVersions(candidate.Go, highest.Go) > 0)) highest = candidate;
  }
  const toolchain =
    work && goWork
      ? { Toolchain: work.Toolchain, toolchainFile: goWork.file }
      : { Toolchain: goMod.Toolchain, toolchainFile: goModPath };
  return { Go: highest.Go, goFile: highest.file, ...toolchain };
}
