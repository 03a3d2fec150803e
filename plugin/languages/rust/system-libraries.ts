import { parse } from 'smol-toml';
import type { SystemPackages } from '../../plan/system-packages';

/**
 * Crates that link a system library, as data: what the build stage needs (headers, pkg-config) and
 * what the runtime needs (the shared library), as Debian bookworm packages. Each `-sys` crate's
 * build script finds the library through pkg-config (openssl-sys, libsqlite3-sys, libz-sys, pq-sys
 * by default; pq-sys falls back to pg_config, which libpq-dev also ships). `bundledBy` names the
 * crate whose presence among this one's dependencies in Cargo.lock means it builds the library from
 * source instead (a vendored/bundled feature is on): then nothing is needed from the system.
 *
 * Sources: each crate's build.rs and docs (openssl-sys "Automatic" / "Vendored"; pq-sys `bundled`
 * → pq-src; libsqlite3-sys `bundled` → cc; libz-sys pkg-config first, `static` feature).
 */
interface SystemLibrary {
  build: string[];
  runtime: string[];
  library: string;
  bundledBy?: string;
  /** A pure-Rust or bundled way to avoid the system library, for the note. */
  alternative: string;
}

export const RUST_SYSTEM_LIBRARIES: Record<string, SystemLibrary> = {
  'openssl-sys': {
    build: ['pkg-config', 'libssl-dev'],
    runtime: ['libssl3'],
    library: 'OpenSSL',
    bundledBy: 'openssl-src',
    alternative:
      "rustls (e.g. reqwest `rustls-tls`, sqlx `tls-rustls`) needs no system library; the `openssl` crate's `vendored` feature builds OpenSSL in",
  },
  'pq-sys': {
    build: ['pkg-config', 'libpq-dev'],
    runtime: ['libpq5'],
    library: 'libpq',
    bundledBy: 'pq-src',
    alternative: "pq-sys's `bundled` feature builds libpq in; tokio-postgres and sqlx speak the protocol in Rust",
  },
  'libsqlite3-sys': {
    build: ['pkg-config', 'libsqlite3-dev'],
    runtime: ['libsqlite3-0'],
    library: 'SQLite',
    bundledBy: 'cc',
    alternative: "the `bundled` feature (rusqlite/libsqlite3-sys, sqlx's default) compiles SQLite in",
  },
  'libz-sys': {
    build: ['pkg-config', 'zlib1g-dev'],
    runtime: ['zlib1g'],
    library: 'zlib',
    alternative: "libz-sys's `static` feature links zlib in; flate2's default backend (miniz_oxide) is pure Rust",
  },
};

interface LockPackage {
  name: string;
  version: string;
  dependencies: string[];
}

/** Cargo.lock's `[[package]]` list (name, version, `dependencies = ["name", "name version", "name version (source)"]`). */
export function readCargoLock(text: string): LockPackage[] {
  const lock = parse(text) as { package?: { name: string; version: string; dependencies?: string[] }[] };
  return (lock.package ?? []).map((pkg) => ({
    name: pkg.name,
    version: pkg.version,
    dependencies: pkg.dependencies ?? [],
  }));
}

/** The packages `root` reaches in Cargo.lock (itself included), minus `skip` at the first level (dev-only dependencies). */
function reach(packages: LockPackage[], root: string, skip: Set<string>): LockPackage[] {
  const byName = new Map<string, LockPackage[]>();
  for (const pkg of packages) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  const resolve = (entry: string) => {
    const [name, version] = entry.split(' ');
    const candidates = byName.get(name) ?? [];
    return version ? candidates.find((pkg) => pkg.version === version) : candidates[0];
  };
  const start = byName.get(root)?.[0];
  if (!start) return [];
  const seen = new Set<LockPackage>([start]);
  const queue = [start];
  for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
    for (const entry of pkg.dependencies) {
      if (pkg === start && skip.has(entry.split(' ')[0])) continue;
      const dep = resolve(entry);
      if (!dep || seen.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  return [...seen];
}

/**
 * The system libraries the binary's package links, read from Cargo.lock: every `-sys` crate of the
 * table that `pkg` reaches (its dev-only dependencies excluded), unless it builds the library in;
 * sorted by crate name.
 */
export function detectRustSystemLibraries(
  lockText: string,
  lockfile: string,
  pkg: string,
  devOnly: string[],
): SystemPackages[] {
  const reached = reach(readCargoLock(lockText), pkg, new Set(devOnly)).sort((a, b) => a.name.localeCompare(b.name));
  return reached.flatMap((found): SystemPackages[] => {
    const library = RUST_SYSTEM_LIBRARIES[found.name];
    if (!library) return [];
    const bundled =
      library.bundledBy !== undefined && found.dependencies.some((entry) => entry.split(' ')[0] === library.bundledBy);
    if (bundled) return [];
    return [
      {
        build: library.build,
        runtime: library.runtime,
        reason: `${found.name} ${found.version} (${lockfile}) links ${library.library} (build: ${library.build.join(', ')}; runtime: ${library.runtime.join(', ')}); to avoid it: ${library.alternative}`,
      },
    ];
  });
}
