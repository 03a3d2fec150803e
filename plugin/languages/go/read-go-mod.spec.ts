import { describe, expect, it } from 'vitest';
import { readGoMod, readGoWork } from './read-go-mod';

/**
 * Each case's expected value is what `go mod edit -json` printed for the same text (go1.26.8),
 * limited to the fields we read; each error is the go command's own message.
 */
const VALID: { name: string; text: string; expected: object }[] = [
  {
    name: 'blocks, comments, indirect, a local and a module replacement',
    text: `module example.com/api // the service

go 1.26.0

toolchain go1.26.3

require (
\tgithub.com/google/uuid v1.6.0
\tgolang.org/x/text v0.20.0 // indirect
\texample.com/money v0.0.0-00010101000000-000000000000
)

replace (
\texample.com/money => ../../libs/money
\tgolang.org/x/text v0.20.0 => golang.org/x/text v0.21.0
)
`,
    expected: {
      Module: { Path: 'example.com/api' },
      Go: '1.26.0',
      Toolchain: 'go1.26.3',
      Require: [
        { Path: 'github.com/google/uuid', Version: 'v1.6.0' },
        { Path: 'golang.org/x/text', Version: 'v0.20.0', Indirect: true },
        { Path: 'example.com/money', Version: 'v0.0.0-00010101000000-000000000000' },
      ],
      Replace: [
        { Old: { Path: 'example.com/money' }, New: { Path: '../../libs/money' } },
        {
          Old: { Path: 'golang.org/x/text', Version: 'v0.20.0' },
          New: { Path: 'golang.org/x/text', Version: 'v0.21.0' },
        },
      ],
    },
  },
  {
    name: 'quoted paths and single-line directives',
    text: 'module "example.com/quoted"\ngo 1.22\nrequire "github.com/google/uuid" "v1.6.0"\nreplace "example.com/fx" => "./fx"\n',
    expected: {
      Module: { Path: 'example.com/quoted' },
      Go: '1.22',
      Require: [{ Path: 'github.com/google/uuid', Version: 'v1.6.0' }],
      Replace: [{ Old: { Path: 'example.com/fx' }, New: { Path: './fx' } }],
    },
  },
  {
    name: '`// indirect; why` is indirect, any other comment is not',
    text: 'module m\ngo 1.21\nrequire a.example/b v1.0.0 // indirect; needed by c\nrequire a.example/c v1.0.0 // not indirect\n',
    expected: {
      Module: { Path: 'm' },
      Go: '1.21',
      Require: [
        { Path: 'a.example/b', Version: 'v1.0.0', Indirect: true },
        { Path: 'a.example/c', Version: 'v1.0.0' },
      ],
      Replace: [],
    },
  },
  {
    name: 'directives the build does not need are accepted',
    text: 'module m\ngo 1.24\ngodebug default=go1.21\nexclude a.example/b v1.0.0\nretract v1.0.1 // broken\ntool a.example/tool\nignore ./node_modules\n',
    expected: { Module: { Path: 'm' }, Go: '1.24', Require: [], Replace: [] },
  },
  {
    name: 'CRLF line endings and a go line with a pre-release suffix',
    text: 'module m\r\ngo 1.23rc1\r\n',
    expected: { Module: { Path: 'm' }, Go: '1.23rc1', Require: [], Replace: [] },
  },
];

const MALFORMED: { name: string; text: string; error: string }[] = [
  { name: 'unknown directive', text: 'module m\nfrobnicate x\n', error: 'go.mod:2: unknown directive: frobnicate' },
  {
    name: 'module replacement without version',
    text: 'module m\nreplace a.example/b => a.example/c\n',
    error: 'go.mod:2: replacement module without version must be directory path (rooted or starting with . or ..)',
  },
  {
    name: 'directory replacement with a version',
    text: 'module m\nreplace a.example/b => ../c v1.0.0\n',
    error: 'go.mod:2: replacement module directory path "../c" cannot have version',
  },
  {
    name: 'Windows directory',
    text: 'module m\nreplace a.example/b v1.2.0 => C:\\libs\\b\n',
    error: 'go.mod:2: replacement directory appears to be Windows path (on a non-windows system)',
  },
  {
    name: 'bad go version',
    text: 'module m\ngo 1.2x\n',
    error: "go.mod:2: invalid go version '1.2x': must match format 1.23.0",
  },
  {
    name: 'block comment',
    text: 'module m\n/* hi */\n',
    error: 'go.mod:2: mod files must use // comments (not /* */ comments)',
  },
  {
    name: 'backquoted string',
    text: 'module `example.com/raw`\n',
    error: 'go.mod:1: invalid quoted string: unquoted string cannot contain quote',
  },
  {
    name: 'unterminated block',
    text: 'module m\nrequire (\n\ta.example/b v1.0.0\n',
    error: 'go.mod:4: syntax error (unterminated block started at go.mod:2:1)',
  },
];

describe('readGoMod (go mod edit -json semantics)', () => {
  it.each(VALID)('$name', ({ text, expected }) => {
    expect(readGoMod(text)).toEqual(expected);
  });
  it.each(MALFORMED)('refuses: $name', ({ text, error }) => {
    expect(() => readGoMod(text)).toThrow(error);
  });
});

describe('readGoWork (go work edit -json semantics)', () => {
  it('reads use blocks, single uses and replacements', () => {
    const text =
      'go 1.26\n\nuse (\n\t./apps/api\n\t./libs/money // shared\n)\nuse ./tools\nreplace example.com/x => ./vendor/x\n';
    expect(readGoWork(text)).toEqual({
      Go: '1.26',
      Use: [{ DiskPath: './apps/api' }, { DiskPath: './libs/money' }, { DiskPath: './tools' }],
      Replace: [{ Old: { Path: 'example.com/x' }, New: { Path: './vendor/x' } }],
    });
  });
  it('refuses a go.mod directive in go.work', () => {
    expect(() => readGoWork('go 1.26\nmodule m\n')).toThrow('go.work:2: unknown directive: module');
  });
});
