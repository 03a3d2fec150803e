import { describe, expect, it } from 'vitest';
import type { GoProfile } from '../types';
import { expectRegistryCase, type DetectCase } from './__fixtures__/detect-cases';

/**
 * Go detection: module, toolchain, main package, go.work and local modules, cgo libraries.
 * One row per fixture directory under __fixtures__/ (a tiny workspace each), through the detector registry.
 */
const cases: DetectCase<Partial<GoProfile>>[] = [
  {
    name: 'go: root main package, toolchain line beats the go line, go.sum, port and -healthcheck from main.go; go.mod beats package.json',
    fixture: 'go-root-main',
    project: { name: 'api', root: 'apps/api' },
    graph: {
      nodes: { api: { data: { root: 'apps/api' } }, proto: { data: { root: 'libs/proto' } } },
      dependencies: { api: [{ target: 'proto' }] },
    },
    expected: {
      language: 'go',
      module: 'example.com/shop/api/v2',
      goVersion: { value: '1.26', source: 'apps/api/go.mod toolchain line' },
      goSum: 'apps/api/go.sum',
      main: { value: '.', source: 'apps/api/*.go: package main' },
      binary: 'api',
      cgo: { value: false, source: 'default (static binary)' },
      port: { value: 9000, source: 'apps/api/main.go: PORT defaults to "9000"' },
      healthcheckFlag: { value: '-healthcheck', source: 'apps/api/main.go: flag.Bool("healthcheck"' },
      closure: ['libs/proto'],
    },
  },
  {
    name: 'go: the single cmd/* main package, go.work at the root listing it (workspace mode), no go.sum, no port; cgo from the option',
    fixture: 'go-cmd-single',
    project: { name: 'svc', root: 'apps/svc' },
    options: { cgo: true },
    expected: {
      goVersion: {
        value: '1.26',
        source: 'apps/svc/go.mod go line (go 1.24: the newest supported Go that builds it, versions.json go.supported)',
      },
      main: { value: './cmd/server', source: 'apps/svc/cmd/server: the only main package under cmd/' },
      binary: 'server',
      goWork: { file: 'go.work', used: true },
      localModules: [],
      cgo: { value: true, source: 'options.cgo' },
    },
  },
  {
    name: 'go: several cmd/* main packages need --main',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    error: [
      /"tools"/,
      /apps\/tools\/cmd/,
      /several main packages under cmd\/ \(migrate, serve\)/,
      /--main=\.\/cmd\/<name>/,
    ],
  },
  {
    name: 'go: --main picks one (and its source gives the port)',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    options: { main: 'cmd/serve' },
    expected: {
      main: { value: './cmd/serve', source: 'options.main' },
      binary: 'serve',
      port: { value: 7070, source: 'apps/tools/cmd/serve/serve.go: PORT defaults to "7070"' },
    },
  },
  {
    name: 'go: --main naming a non-main directory is an error',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    options: { main: './cmd/docs' },
    error: [/"tools"/, /apps\/tools\/cmd\/docs/, /--main/],
  },
  {
    name: 'go: go.mod without a module line',
    fixture: 'go-no-module',
    project: { name: 'broken', root: 'apps/broken' },
    error: [/"broken"/, /apps\/broken\/go\.mod/, /go mod init/],
  },
  {
    name: 'go: workspace mode (go.work lists it): every used module read, sources of the ones it requires or imports (transitively)',
    fixture: 'go-local-modules',
    project: { name: 'api', root: 'apps/api' },
    expected: {
      goSum: 'apps/api/go.sum',
      goWork: { file: 'go.work', sum: 'go.work.sum', used: true },
      localModules: [
        { dir: 'apps/other', module: 'example.com/other', needed: false },
        { dir: 'libs/fx', module: 'example.com/fx', needed: true },
        { dir: 'libs/money', module: 'example.com/money', needed: true },
      ],
    },
  },
  {
    name: 'go: module mode (go.work does not list it): its own directory replacements only; a replacement nothing needs may be gone',
    fixture: 'go-local-modules',
    project: { name: 'legacy', root: 'apps/legacy' },
    expected: {
      goWork: { file: 'go.work', sum: 'go.work.sum', used: false },
      localModules: [{ dir: 'libs/money', module: 'example.com/money', needed: true }],
    },
  },
  {
    name: 'go: requirements without go.sum are an error that says go mod tidy',
    fixture: 'go-local-modules',
    project: { name: 'nosum', root: 'apps/nosum' },
    error: [
      /"nosum"/,
      /apps\/nosum\/go\.sum: missing, but go\.mod requires 1 module \(github\.com\/google\/uuid\)/,
      /go mod tidy/,
    ],
  },
  {
    name: "go: a malformed go.mod names the file, the line and Go's own message",
    fixture: 'go-local-modules',
    project: { name: 'broken', root: 'apps/broken' },
    error: [/"broken"/, /apps\/broken\/go\.mod:5: usage: require module\/path v1\.2\.3/, /go mod edit -json/],
  },
  {
    name: 'go: a mistyped replace path (no such directory) names the go.mod line holding the replace and says the directory does not exist, as Go does',
    fixture: 'go-local-modules',
    project: { name: 'dangling', root: 'apps/dangling' },
    error: [
      /"dangling"/,
      /apps\/dangling\/go\.mod:7: `replace example\.com\/gone => \.\.\/\.\.\/libs\/gone` names libs\/gone, a directory that does not exist/,
      /go: replacement directory \.\.\/\.\.\/libs\/gone does not exist/,
      /correct the path/,
    ],
  },
  {
    name: 'go: a replacement outside the workspace cannot enter the build context',
    fixture: 'go-local-modules',
    project: { name: 'outside', root: 'apps/outside' },
    error: [
      /"outside"/,
      /apps\/outside\/go\.mod: \.\.\/\.\.\/\.\.\/ext is outside the workspace/,
      /move the module into the workspace/,
    ],
  },
  {
    name: 'go: cgo libraries from go.mod (go-sqlite3) and from imports (gopacket/pcap) turn cgo on, with the reason',
    fixture: 'go-local-modules',
    project: { name: 'sqlite', root: 'apps/sqlite' },
    expected: {
      cgo: {
        value: true,
        source:
          'apps/sqlite/go.mod requires github.com/mattn/go-sqlite3; the service imports github.com/google/gopacket/pcap',
      },
      systemLibraries: [
        {
          build: [],
          runtime: [],
          reason: expect.stringMatching(/compiles SQLite in with cgo.*modernc\.org\/sqlite is pure Go/),
        },
        { build: ['libpcap-dev'], runtime: ['libpcap0.8'], reason: expect.stringContaining('links libpcap') },
      ],
    },
  },
];

describe('detectProject: Go and Rust fixtures', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectRegistryCase(c));
});
