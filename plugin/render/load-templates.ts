import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Names a template file for the registry: `partials/instr/run.hbs` → `instr/run`,
 * `layout.hbs` → `layout`. Override maps may carry a leading `dockerfile/` or `partials/`.
 */
export function toTemplateName(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.hbs$/, '')
    .replace(/^dockerfile\//, '')
    .replace(/^partials\//, '');
}

/** Every `.hbs` under `dir`, keyed by template name. */
export function loadTemplates(dir: string): Record<string, string> {
  if (!existsSync(dir)) {
    throw new Error(
      `Template directory ${dir} does not exist. Point templateDir at a folder of .hbs overrides (same names as templates/dockerfile/).`,
    );
  }
  const templates: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.hbs')) templates[toTemplateName(relative(dir, path))] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return templates;
}
