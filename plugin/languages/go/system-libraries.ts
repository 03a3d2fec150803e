import type { SystemPackages } from '../../plan/system-packages';
import type { GoMod } from './read-go-mod';

/**
 * Go modules that need cgo, as data: the Debian bookworm packages the build stage needs beyond the
 * golang image's gcc/libc6-dev/pkg-config, and the shared libraries the runtime needs beyond glibc.
 * `module` entries match a go.mod requirement (direct or `// indirect`: since Go 1.17 go.mod lists
 * every module that provides a package to the build); `package` entries match an import in the
 * service's own sources (a module whose cgo part is one optional package, e.g. gopacket/pcap).
 *
 * Sources: each module's README / cgo directives (`#cgo pkg-config: …` or `#cgo LDFLAGS: -l…`).
 */
interface CgoLibrary {
  module?: string;
  package?: string;
  build: string[];
  runtime: string[];
  why: string;
  alternative?: string;
}

export const GO_CGO_LIBRARIES: CgoLibrary[] = [
  {
    module: 'github.com/mattn/go-sqlite3',
    build: [],
    runtime: [],
    why: 'compiles SQLite in with cgo (glibc runtime, no system library)',
    alternative: 'modernc.org/sqlite is pure Go (CGO_ENABLED=0, distroless static)',
  },
  {
    module: 'github.com/confluentinc/confluent-kafka-go/v2',
    build: [],
    runtime: [],
    why: 'links its bundled static librdkafka with cgo (glibc runtime)',
    alternative: 'github.com/twmb/franz-go and github.com/segmentio/kafka-go are pure Go',
  },
  {
    module: 'github.com/h2non/bimg',
    build: ['libvips-dev'],
    runtime: ['libvips42'],
    why: 'links libvips (#cgo pkg-config: vips)',
  },
  {
    package: 'github.com/google/gopacket/pcap',
    build: ['libpcap-dev'],
    runtime: ['libpcap0.8'],
    why: 'links libpcap (#cgo LDFLAGS: -lpcap)',
    alternative: 'gopacket/pcapgo reads and writes capture files in pure Go',
  },
  {
    package: 'gopkg.in/gographics/imagick.v3/imagick',
    build: ['libmagickwand-dev'],
    runtime: ['libmagickwand-6.q16-6'],
    why: "links ImageMagick's MagickWand (#cgo pkg-config: MagickWand)",
  },
];

/** The cgo libraries a service uses: by its go.mod requirements and by its own imports. */
export function detectGoSystemLibraries(goMod: GoMod, goModPath: string, imports: string[]): SystemPackages[] {
  const required = new Set(goMod.Require.map((req) => req.Path));
  return GO_CGO_LIBRARIES.flatMap((library): SystemPackages[] => {
    const found = library.module
      ? required.has(library.module) && `${goModPath} requires ${library.module}`
      : imports.includes(library.package!) && `the service imports ${library.package}`;
    if (!found) return [];
    return [
      {
        build: library.build,
        runtime: library.runtime,
        reason: `${found}: it ${library.why}${library.alternative ? `; to avoid cgo: ${library.alternative}` : ''}`,
      },
    ];
  });
}
