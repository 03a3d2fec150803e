import { parse } from 'smol-toml';

/**
 * The Cargo.toml facts detection needs, read with a real TOML parser (smol-toml, TOML 1.0: literal
 * 'strings', inline tables and dotted keys all work). Field names follow the Cargo reference
 * (doc.rust-lang.org/cargo/reference/manifest.html, …/workspaces.html).
 */
export interface CargoToml {
  packageName?: string;
  /** `[package] build = "…"` when declared as a path (`build = false` or none: undefined). */
  build?: string;
  /** `[package] workspace = "…"`: the explicit path to the workspace root. */
  workspace?: string;
  bins: CargoTarget[];
  libPath?: string;
  /** `[[example]]`, `[[test]]`, `[[bench]]`: cargo requires each one's source to exist. */
  otherTargets: { kind: 'example' | 'test' | 'bench'; name?: string; path?: string }[];
  /** `[workspace]`, undefined when the file has none. */
  workspaceTable?: { members: string[]; exclude: string[]; dependencies: Record<string, CargoDependency> };
  /** Every dependency of the package (normal, dev, build; target-specific included), by the name it is declared under. */
  dependencies: CargoDependency[];
}

export interface CargoTarget {
  name?: string;
  path?: string;
}

export interface CargoDependency {
  /** The key it is declared under (the crate name unless `package = "…"` renames it). */
  name: string;
  /** The crate's real name (`package = "…"`), else `name`. */
  package: string;
  kind: 'normal' | 'dev' | 'build';
  path?: string;
  /** `{ workspace = true }`: path and features come from `[workspace.dependencies]`. */
  inherited: boolean;
  features: string[];
  defaultFeatures: boolean;
}

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toTargets(value: unknown): CargoTarget[] {
  return (Array.isArray(value) ? value.filter(isTable) : []).map((target) => ({
    ...(asString(target.name) !== undefined && { name: asString(target.name) }),
    ...(asString(target.path) !== undefined && { path: asString(target.path) }),
  }));
}

function toDependency(name: string, spec: unknown, kind: CargoDependency['kind']): CargoDependency {
  const table = isTable(spec) ? spec : {};
  return {
    name,
    package: asString(table.package) ?? name,
    kind,
    ...(asString(table.path) !== undefined && { path: asString(table.path) }),
    inherited: table.workspace === true,
    features: asStrings(table.features),
    defaultFeatures: table['default-features'] !== false && table.default_features !== false,
  };
}

/** `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]` (and the old `_` spellings) of one table. */
function toDependencies(table: Table): CargoDependency[] {
  const sections: [string, CargoDependency['kind']][] = [
    ['dependencies', 'normal'],
    ['dev-dependencies', 'dev'],
    ['dev_dependencies', 'dev'],
    ['build-dependencies', 'build'],
    ['build_dependencies', 'build'],
  ];
  return sections.flatMap(([key, kind]) =>
    isTable(table[key])
      ? Object.entries(table[key] as Table).map(([name, spec]) => toDependency(name, spec, kind))
      : [],
  );
}

/**
 * Parses Cargo.toml text. Throws the parser's Error (it names the line and column) on invalid TOML;
 * callers add the project and file.
 */
export function readCargoToml(text: string): CargoToml {
  const toml = parse(text) as Table;
  const pkg = isTable(toml.package) ? toml.package : undefined;
  const workspace = isTable(toml.workspace) ? toml.workspace : undefined;
  const targets = isTable(toml.target) ? Object.values(toml.target).filter(isTable) : [];
  const others = (['example', 'test', 'bench'] as const).flatMap((kind) =>
    toTargets(toml[kind]).map((target) => ({ kind, ...target })),
  );
  return {
    ...(pkg && asString(pkg.name) !== undefined && { packageName: asString(pkg.name) }),
    ...(pkg && asString(pkg.build) !== undefined && { build: asString(pkg.build) }),
    ...(pkg && asString(pkg.workspace) !== undefined && { workspace: asString(pkg.workspace) }),
    bins: toTargets(toml.bin),
    ...(isTable(toml.lib) && asString(toml.lib.path) !== undefined && { libPath: asString(toml.lib.path) }),
    otherTargets: others,
    ...(workspace && {
      workspaceTable: {
        members: asStrings(workspace.members),
        exclude: asStrings(workspace.exclude),
        dependencies: Object.fromEntries(
          Object.entries(isTable(workspace.dependencies) ? workspace.dependencies : {}).map(([name, spec]) => [
            name,
            toDependency(name, spec, 'normal'),
          ]),
        ),
      },
    }),
    dependencies: [...toDependencies(toml), ...targets.flatMap(toDependencies)],
  };
}
