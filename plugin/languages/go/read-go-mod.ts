/**
 * go.mod and go.work read by Go's own rules (golang.org/x/mod/modfile: read.go's lexer, rule.go's
 * directive checks), into the shape `go mod edit -json` / `go work edit -json` print (the fields
 * we use). No npm package parses go.mod faithfully (none in the registry lists is kept up), so this
 * is a small port; read-go-mod.spec.ts holds a table of cases whose expected values are the real
 * `go mod edit -json` output (go1.26.8).
 *
 * Syntax (read.go): `//` comments only; tokens are quoted strings ("…" with Go escapes; other quote
 * characters are reserved),
 * `(`, `)`, `=>`, and identifiers (any printable non-space run). A line is `verb args…`; a block is
 * `verb (` newline, one `args…` per line, `)`. A trailing `// indirect` marks a requirement indirect.
 */

export interface ModuleVersion {
  Path: string;
  Version?: string;
}
export interface GoModRequire extends ModuleVersion {
  Version: string;
  Indirect?: boolean;
}
export interface GoModReplace {
  Old: ModuleVersion;
  New: ModuleVersion;
}
export interface GoMod {
  Module?: { Path: string };
  Go?: string;
  Toolchain?: string;
  Require: GoModRequire[];
  Replace: GoModReplace[];
}
export interface GoWork {
  Go?: string;
  Toolchain?: string;
  Use: { DiskPath: string }[];
  Replace: GoModReplace[];
}

interface Token {
  text: string;
  /** A quoted string (never a `(`/`)`/`=>` token, even if it spells one). */
  quoted: boolean;
}
interface Line {
  verb: string;
  args: Token[];
  /** The trailing `//` comment, without the slashes, trimmed. */
  comment?: string;
  line: number;
}

/** An Error reading `<file>:<line>: <problem>`, as the go command prints it. */
function fail(file: string, line: number, problem: string): Error {
  return new Error(`${file}:${line}: ${problem}`);
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** strconv.Unquote for the escapes go.mod files use (simple escapes, \xNN, \uNNNN). */
function unquote(raw: string, file: string, line: number): string {
  return raw.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (!(esc in ESCAPES)) throw fail(file, line, `invalid quoted string: ${raw}`);
    return ESCAPES[esc];
  });
}

/** Splits one physical line into tokens and its trailing comment. */
function lexLine(text: string, file: string, line: number): { tokens: Token[]; comment?: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (text.startsWith('//', i)) return { tokens, comment: text.slice(i + 2).trim() };
    else if (text.startsWith('/*', i)) throw fail(file, line, 'mod files must use // comments (not /* */ comments)');
    else if (c === '(' || c === ')') {
      tokens.push({ text: c, quoted: false });
      i++;
    } else if (text.startsWith('=>', i)) {
      tokens.push({ text: '=>', quoted: false });
      i += 2;
    } else if (c === '"') {
      const end = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i));
      if (!end) throw fail(file, line, 'unterminated quoted string');
      tokens.push({ text: unquote(end[0], file, line), quoted: true });
      i += end[0].length;
    } else {
      const ident = /^[^\s()[\]{},]+/.exec(text.slice(i))?.[0] ?? c;
      // modfile.parseString: quotes other than a leading `"` are reserved (backquotes included).
      if (/["'`]/.test(ident)) throw fail(file, line, 'invalid quoted string: unquoted string cannot contain quote');
      tokens.push({ text: ident, quoted: false });
      i += ident.length;
    }
  }
  return { tokens };
}

/** The directive lines of a file, blocks expanded (`require ( a v1 \n b v2 )` → two `require` lines). */
function parseLines(text: string, file: string): Line[] {
  const lines: Line[] = [];
  let block: string | undefined;
  let blockLine = 0;
  text.split('\n').forEach((physical, index) => {
    const number = index + 1;
    const { tokens, comment } = lexLine(physical, file, number);
    if (tokens.length === 0) return;
    const isParen = (token: Token | undefined, paren: string) =>
      token !== undefined && !token.quoted && token.text === paren;
    if (block !== undefined) {
      if (isParen(tokens[0], ')')) {
        if (tokens.length > 1) throw fail(file, number, 'syntax error (unexpected tokens after ")")');
        block = undefined;
        return;
      }
      lines.push({ verb: block, args: tokens, comment, line: number });
      return;
    }
    if (tokens.length === 2 && isParen(tokens[1], '(')) {
      block = tokens[0].text;
      blockLine = number;
      return;
    }
    if (tokens.some((token) => isParen(token, '(') || isParen(token, ')')))
      throw fail(file, number, 'syntax error (unexpected parenthesis)');
    lines.push({ verb: tokens[0].text, args: tokens.slice(1), comment, line: number });
  });
  if (block !== undefined)
    throw fail(file, text.split('\n').length, `syntax error (unterminated block started at ${file}:${blockLine}:1)`);
  return lines;
}

/** modfile.IsDirectoryPath: Unix and Windows relative or rooted paths. */
export function isDirectoryPath(path: string): boolean {
  return /^(\.\.?)([/\\]|$)/.test(path) || path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path);
}

/** modfile.GoVersionRE. */
const GO_VERSION = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
/** modfile.ToolchainRE. */
const TOOLCHAIN = /^default$|^go1($|\.)/;

function expectArgs(line: Line, count: number, usage: string, file: string): string[] {
  if (
    line.args.length !== count ||
    line.args.some((arg) => !arg.quoted && (arg.text === '=>' || arg.text === '(' || arg.text === ')'))
  ) {
    throw fail(file, line.line, `usage: ${usage}`);
  }
  return line.args.map((arg) => arg.text);
}

function parseReplace(line: Line, file: string): GoModReplace {
  const arrow = line.args.findIndex((arg) => !arg.quoted && arg.text === '=>');
  const usage =
    'replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory';
  if (arrow !== 1 && arrow !== 2) throw fail(file, line.line, `usage: ${usage}`);
  if (line.args.length !== arrow + 2 && line.args.length !== arrow + 3) throw fail(file, line.line, `usage: ${usage}`);
  const [oldPath, oldVersion] = line.args.slice(0, arrow).map((arg) => arg.text);
  const [newPath, newVersion] = line.args.slice(arrow + 1).map((arg) => arg.text);
  if (newVersion === undefined && !isDirectoryPath(newPath)) {
    throw fail(
      file,
      line.line,
      newPath.includes('@')
        ? "replacement module must match format 'path version', not 'path@version'"
        : 'replacement module without version must be directory path (rooted or starting with . or ..)',
    );
  }
  if (newVersion === undefined && newPath.includes('\\'))
    throw fail(file, line.line, 'replacement directory appears to be Windows path (on a non-windows system)');
  if (newVersion !== undefined && isDirectoryPath(newPath))
    throw fail(file, line.line, `replacement module directory path "${newPath}" cannot have version`);
  return {
    Old: { Path: oldPath, ...(oldVersion !== undefined && { Version: oldVersion }) },
    New: { Path: newPath, ...(newVersion !== undefined && { Version: newVersion }) },
  };
}

/** The `go` and `toolchain` directives, shared by go.mod and go.work. */
function parseVersionLine(line: Line, file: string, into: { Go?: string; Toolchain?: string }): void {
  if (line.verb === 'go') {
    const [version] = expectArgs(line, 1, 'go 1.23', file);
    if (!GO_VERSION.test(version))
      throw fail(file, line.line, `invalid go version '${version}': must match format 1.23.0`);
    into.Go = version;
  } else {
    const [name] = expectArgs(line, 1, 'toolchain go1.23.0', file);
    if (!TOOLCHAIN.test(name))
      throw fail(file, line.line, `invalid toolchain version '${name}': must match format go1.23.0 or default`);
    into.Toolchain = name;
  }
}

/**
 * The line of each parsed `replace` and `use` directive, kept beside the `go mod edit -json` shape
 * (which has no positions) so errors can point at the directive: `directiveLine(goMod.Replace[0])`.
 */
const LINES = new WeakMap<object, number>();

/** The 1-based line of a `replace` or `use` entry returned by readGoMod/readGoWork; undefined for others. */
export function directiveLine(entry: object): number | undefined {
  return LINES.get(entry);
}

function atLine<T extends object>(entry: T, line: Line): T {
  LINES.set(entry, line.line);
  return entry;
}

/** Directives Go accepts in go.mod that the image build does not need (kept valid, not returned). */
const OTHER_GO_MOD_VERBS = new Set(['exclude', 'retract', 'godebug', 'tool', 'ignore']);

/** Parses go.mod text. Throws `<file>:<line>: <problem>` (Go's own wording) on malformed input. */
export function readGoMod(text: string, file = 'go.mod'): GoMod {
  const result: GoMod = { Require: [], Replace: [] };
  for (const line of parseLines(text, file)) {
    if (line.verb === 'module') {
      if (result.Module) throw fail(file, line.line, 'repeated module statement');
      result.Module = { Path: expectArgs(line, 1, 'module module/path', file)[0] };
    } else if (line.verb === 'go' || line.verb === 'toolchain') parseVersionLine(line, file, result);
    else if (line.verb === 'require') {
      const [path, version] = expectArgs(line, 2, 'require module/path v1.2.3', file);
      const indirect =
        line.comment !== undefined && (line.comment === 'indirect' || line.comment.startsWith('indirect;'));
      result.Require.push({ Path: path, Version: version, ...(indirect && { Indirect: true }) });
    } else if (line.verb === 'replace') result.Replace.push(atLine(parseReplace(line, file), line));
    else if (!OTHER_GO_MOD_VERBS.has(line.verb)) throw fail(file, line.line, `unknown directive: ${line.verb}`);
  }
  return result;
}

/** Parses go.work text (directives go, toolchain, godebug, use, replace). */
export function readGoWork(text: string, file = 'go.work'): GoWork {
  const result: GoWork = { Use: [], Replace: [] };
  for (const line of parseLines(text, file)) {
    if (line.verb === 'go' || line.verb === 'toolchain') parseVersionLine(line, file, result);
    else if (line.verb === 'use')
      result.Use.push(atLine({ DiskPath: expectArgs(line, 1, 'use local/dir', file)[0] }, line));
    else if (line.verb === 'replace') result.Replace.push(atLine(parseReplace(line, file), line));
    else if (line.verb !== 'godebug') throw fail(file, line.line, `unknown directive: ${line.verb}`);
  }
  return result;
}
