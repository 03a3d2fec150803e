import type { ServiceSettings } from '../../options';
import type { BuildContextFacts, HealthProbe, Sourced } from '../../profile';

export type JavaBuildTool = 'maven' | 'gradle';

export interface JavaProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'java';
  project: string;
  projectRoot: string;
  buildTool: Sourced<JavaBuildTool>;
  /** The project carries its wrapper (mvnw + .mvn/wrapper, gradlew + gradle/wrapper): builds run it on a JDK image. */
  wrapper: boolean;
  /** Project-relative build files copied before any source (pom.xml, .mvn/, build.gradle(.kts), gradle/ …). */
  manifests: string[];
  /** Java feature release for the images, e.g. `17`. */
  javaVersion: Sourced<string>;
  /** Spring Boot's plugin builds the jar: extract its layers (`tools` jarmode from Boot 3.3, else `layertools`). */
  springBoot?: Sourced<{ version: string }>;
  /** The jar the build produces, project-relative, e.g. `target/billing-1.0.0.jar`. */
  artifact: Sourced<string>;
  /** Main class for a plain (non-Boot) jar run with its dependencies on the classpath. */
  mainClass?: Sourced<string>;
  port?: Sourced<number>;
  /**
   * Maven: the project is a module of a reactor (a pom above it lists it in `<modules>`). The build
   * runs at the reactor root with `-pl <module> -am`; `artifact` is then relative to that root.
   */
  reactor?: {
    /** Workspace-relative directory of the reactor's root pom. */
    root: string;
    /** The root lists the project in `<modules>` (`-pl <module> -am`); false: only a local `<parent>` (`-f <module>/pom.xml`). */
    aggregator: boolean;
    /** `-pl` argument: the project's directory relative to `root`. */
    module: string;
    /** Workspace-relative pom.xml of every reactor module (the root's first): all copied before the download. */
    poms: string[];
    /** Workspace-relative directories whose sources the build needs (`-am`), the project last. */
    needed: string[];
  };
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
}
