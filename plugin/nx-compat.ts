import type { CreateNodesV2 } from '@nx/devkit';

/**
 * The one place where Nx majors differ for nx-dockerize (peer range nx/@nx/devkit >=22 <25; the
 * versions CI runs are in e2e/lib/nx-majors.ts).
 *
 * Everything else the plugin uses has the same name and shape in nx/@nx/devkit 22.7.12, 23.3.2 and
 * 24.0.6/24.0.0, checked in each version's typings and by running the real CLI of each on a copy
 * of examples/ (e2e/affected.e2e.ts): createNodesFromFiles and detectPackageManager, sync
 * generators through a target's `syncGenerators` (`nx sync`, `nx sync:check`), batch executors
 * through executors.json `batchImplementation` + `preferBatch` (one bake for `nx run-many`),
 * createProjectGraphAsync/getProjects in generators, readNxJson/updateNxJson, logger, and
 * TargetMetadata's `description`/`help` (nx's config/workspace-json-project-json.d.ts).
 *
 * Project inference (read in each version's nx/dist/src/project-graph/plugins/):
 * - Nx 22.7.12 loads `plugin.createNodesV2 ?? plugin.createNodes` (loaded-nx-plugin.js), and its
 *   public-api.d.ts names the tuple only `CreateNodesV2` (there is no `CreateNodes` type).
 * - Nx 23.3.2 and 24.0.6 load `plugin.createNodes ?? plugin.createNodesV2`; `CreateNodes` is the
 *   tuple and `CreateNodesV2` a deprecated alias of it (public-api.d.ts line 45).
 * All three call the tuple the same way: `[glob, (files, options, context) => results]`.
 * So the plugin exports ONE tuple under both names (plugin/create-nodes.ts), typed with the one
 * name all three majors have. When Nx 22 leaves the range, this becomes `CreateNodes`.
 */
export type CreateNodesTuple<T> = CreateNodesV2<T>;
