/**
 * Tiny workspaces, one per language, that the bad-input cases start from and then break in
 * one way each. Files are in memory (an Nx Tree), so a case is a fixture and a test at once.
 */
export type Files = Record<string, string>;

export interface ProjectSpec {
  root: string;
  projectType?: 'application' | 'library';
  /** The Nx graph node type; Nx infers `lib` for a package with `main` when projectType is unset. */
  type?: 'app' | 'lib';
  targets?: Record<string, { executor?: string; options?: Record<string, unknown> }>;
  dependencies?: string[];
}

export interface Workspace {
  files: Files;
  projects: Record<string, ProjectSpec>;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** An npm workspace with one service `api` (apps/api) and a library `shared`. */
export function nodeWorkspace(project = 'api', root = 'apps/api'): Workspace {
  return {
    files: {
      'package.json': json({ name: 'acme', private: true, workspaces: ['apps/*', 'libs/*'] }),
      'package-lock.json': json({ name: 'acme', lockfileVersion: 3, packages: { '': { name: 'acme' } } }),
      [`${root}/package.json`]: json({
        name: project.startsWith('@') ? project : project.replace(/[^a-zA-Z0-9._-]/g, '-'),
        version: '1.0.0',
        main: 'src/main.js',
        scripts: { start: 'node src/main.js' },
      }),
      [`${root}/src/main.js`]:
        "require('node:http').createServer((_, res) => res.end('ok')).listen(process.env.PORT ?? 3000);\n",
      'libs/shared/src/index.js': 'module.exports = {};\n',
    },
    projects: { [project]: { root }, shared: { root: 'libs/shared', projectType: 'library' } },
  };
}

/** A Go module service `svc` (apps/svc). */
export function goWorkspace(): Workspace {
  return {
    files: {
      'apps/svc/go.mod': 'module example.com/svc\n\ngo 1.23\n',
      'apps/svc/go.sum': '',
      'apps/svc/main.go': 'package main\n\nfunc main() {}\n',
    },
    projects: { svc: { root: 'apps/svc' } },
  };
}

/** A Cargo package `rs` (apps/rs) with one binary. */
export function rustWorkspace(): Workspace {
  return {
    files: {
      'apps/rs/Cargo.toml': '[package]\nname = "rs"\nversion = "0.1.0"\nedition = "2021"\n',
      'apps/rs/Cargo.lock': 'version = 4\n',
      'apps/rs/src/main.rs': 'fn main() {}\n',
    },
    projects: { rs: { root: 'apps/rs' } },
  };
}

/** A uv project `py` (apps/py) serving a FastAPI app. */
export function pythonWorkspace(): Workspace {
  return {
    files: {
      'apps/py/pyproject.toml':
        '[project]\nname = "py"\nversion = "0.1.0"\nrequires-python = "~=3.12"\ndependencies = ["fastapi==0.115.0", "uvicorn==0.30.0"]\n',
      'apps/py/uv.lock': 'version = 1\n',
      'apps/py/app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    },
    projects: { py: { root: 'apps/py' } },
  };
}

/** A Maven project `jv` (apps/jv) with an exec.mainClass. */
export function javaWorkspace(): Workspace {
  return {
    files: {
      'apps/jv/pom.xml':
        '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>jv</artifactId>\n  <version>1.0.0</version>\n' +
        '  <properties>\n    <java.version>21</java.version>\n    <exec.mainClass>com.example.App</exec.mainClass>\n  </properties>\n</project>\n',
      'apps/jv/src/main/java/com/example/App.java': 'class App { public static void main(String[] a) {} }\n',
    },
    projects: { jv: { root: 'apps/jv' } },
  };
}

/** `workspace` with files added, replaced or (null) removed. */
export function withFiles(workspace: Workspace, files: Record<string, string | null>): Workspace {
  const next: Files = { ...workspace.files };
  for (const [path, content] of Object.entries(files)) {
    if (content === null) delete next[path];
    else next[path] = content;
  }
  return { ...workspace, files: next };
}

/** `workspace` with projects added or changed. */
export function withProjects(workspace: Workspace, projects: Record<string, ProjectSpec>): Workspace {
  return { ...workspace, projects: { ...workspace.projects, ...projects } };
}
