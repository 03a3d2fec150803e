import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildPlan } from '../types';
import { loadTemplates, toTemplateName } from './load-templates';
import { toDockerfileView } from './to-dockerfile-view';

export interface RenderDockerfileOptions {
  /** A directory of `.hbs` files overriding same-named built-in templates (disk). */
  templateDir?: string;
  /** The same as a map, for callers that read an Nx Tree: `partials/instr/run` → source. */
  partials?: Record<string, string>;
  /** Where `partials` came from (workspace-relative), so a parse error names the file: `tools/docker`. */
  partialsDir?: string;
}

interface TemplateSource {
  source: string;
  /** The file it was read from, for error messages. */
  file: string;
}

// Both resolve in the source tree and in dist/ (tools/build.mjs copies them alongside).
const BUILT_IN_DIR = join(__dirname, '../../templates/dockerfile');
const SCRIPTS: Record<string, string> = {
  'prune-npm-workspaces': join(__dirname, '../languages/node/prune-npm-workspaces.js'),
  'prune-yarn-classic': join(__dirname, '../languages/node/prune-yarn-classic.js'),
  'venv-overlay': join(__dirname, '../languages/python/venv-overlay.sh'),
};

function readScript(name: string): string {
  const path = SCRIPTS[name];
  if (!path) throw new Error(`Unknown heredoc script "${name}"; known: ${Object.keys(SCRIPTS).join(', ')}.`);
  return readFileSync(path, 'utf8');
}

function collectTemplates(options: RenderDockerfileOptions): Record<string, TemplateSource> {
  const fromDir = (dir: string) =>
    Object.fromEntries(
      Object.entries(loadTemplates(dir)).map(([name, source]) => [
        name,
        { source, file: join(dir, `${name === 'layout' ? name : `partials/${name}`}.hbs`) },
      ]),
    );
  const overrides = Object.fromEntries(
    Object.entries(options.partials ?? {}).map(([name, source]) => [
      toTemplateName(name),
      { source, file: `${options.partialsDir ? `${options.partialsDir}/` : ''}${name}.hbs` },
    ]),
  );
  return {
    ...fromDir(BUILT_IN_DIR),
    ...(options.templateDir ? fromDir(options.templateDir) : {}),
    ...overrides,
  };
}

/** Compiles eagerly (Handlebars parses lazily), so a syntax error names its file and line. */
function compileTemplate(
  handlebars: typeof Handlebars,
  name: string,
  template: TemplateSource,
): HandlebarsTemplateDelegate {
  try {
    handlebars.parse(template.source);
  } catch (error) {
    throw new Error(
      `Template ${template.file} (partial "${name}") does not parse: ${(error as Error).message.replace(/\s*\n\s*/g, ' ').trim()}. Fix the file, or remove it to use the built-in template.`,
      { cause: error },
    );
  }
  return handlebars.compile(template.source, { noEscape: true, strict: true });
}

/** Blank lines between stages only, and exactly one newline at the end. */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Renders a plan with an isolated Handlebars (no global helpers or partials leak in or out). */
export function renderDockerfile(plan: BuildPlan, options: RenderDockerfileOptions = {}): string {
  const templates = collectTemplates(options);
  const handlebars = Handlebars.create();
  for (const [name, template] of Object.entries(templates)) {
    if (name !== 'layout') handlebars.registerPartial(name, compileTemplate(handlebars, name, template));
  }
  const layout = compileTemplate(handlebars, 'layout', templates.layout);
  try {
    return tidy(layout(toDockerfileView(plan, readScript)));
  } catch (error) {
    const overridden = Object.values(templates)
      .filter((t) => !t.file.startsWith(BUILT_IN_DIR))
      .map((t) => t.file);
    throw new Error(
      `Rendering the Dockerfile of ${plan.project} failed: ${(error as Error).message.replace(/ in \[object Object\]/, '')}.` +
        (overridden.length
          ? ` Check the template overrides (${overridden.join(', ')}): they may use a field the plan does not have.`
          : ''),
      { cause: error },
    );
  }
}
