import { nodeWorkspace } from '../workspaces';

/** What a refusal of a generated file must suggest: re-running the generator with `--force`. */
export const FORCE = /nx g nx-dockerize:dockerize \S+ --force/;

/** A `before` run: the generator once on `project` with `options`. */
export const first = (project: string, options = {}) => [{ dockerize: project, options }];

/** The Node workspace most cases start from (project `api` in apps/api). */
export const api = nodeWorkspace();
