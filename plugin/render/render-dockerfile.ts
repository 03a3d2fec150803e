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
}

// Both resolve in the source tree and in dist/ (tools/build.mjs copies them alongside).
const BUILT_IN_DIR = join(__dirname, '../../templates/dockerfile');
const SCRIPTS: Record<string, string> = {
  'prune-npm-workspaces': join(__dirname, '../languages/node/prune-npm-workspaces.js'),
  'prune-yarn-classic': join(__dirname, '../languages/node/prune-yarn-classic.js'),
};

function readScript(name: string): string {
  const path = SCRIPTS[name];
  if (!path) throw new Error(`Unknown heredoc script "${name}"; known: ${Object.keys(SCRIPTS).join(', ')}.`);
  return readFileSync(path, 'utf8');
}

function collectTemplates(options: RenderDockerfileOptions): Record<string, string> {
  const overrides = Object.fromEntries(Object.entries(options.partials ?? {}).map(([name, source]) => [toTemplateName(name), source]));
  return {
    ...loadTemplates(BUILT_IN_DIR),
    ...(options.templateDir ? loadTemplates(options.templateDir) : {}),
    ...overrides,
  };
}

/** Blank lines between stages only, and exactly one newline at the end. */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Renders a plan with an isolated Handlebars (no global helpers or partials leak in or out). */
export function renderDockerfile(plan: BuildPlan, options: RenderDockerfileOptions = {}): string {
  const templates = collectTemplates(options);
  const handlebars = Handlebars.create();
  for (const [name, source] of Object.entries(templates)) {
    if (name !== 'layout') handlebars.registerPartial(name, handlebars.compile(source, { noEscape: true, strict: true }));
  }
  const layout = handlebars.compile(templates.layout, { noEscape: true, strict: true });
  return tidy(layout(toDockerfileView(plan, readScript)));
}
