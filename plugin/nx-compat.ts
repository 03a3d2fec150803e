import type { CreateNodesV2 } from '@nx/devkit';

/**
 * The one place where Nx majors differ for nx-dockerize (peer range nx/@nx/devkit >=22 <25).
 * Everything else the plugin uses (createNodesFromFiles, sync generators via `syncGenerators`,
 * batch executors via `batchImplementation`, createProjectGraphAsync, readNxJson/updateNxJson,
 * logger, getPackageManagerCommand) has the same name and shape in 22.7.12, 23.3.2 and 24.0.6.
 *
 * Project inference (read in each version's nx/dist/src/project-graph/plugins/):
 * - Nx 22.7.12 loads `plugin.createNodesV2 ?? plugin.createNodes` (loaded-nx-plugin.js) and
 *   its @nx/devkit types name the tuple only `CreateNodesV2` (public-api.d.ts has no `CreateNodes`).
 * - Nx 23.3.2 and 24.0.6 load `plugin.createNodes ?? plugin.createNodesV2`; `CreateNodes` is the
 *   tuple and `CreateNodesV2` a deprecated alias of it (public-api.d.ts line 45).
 * Both loaders call the tuple the same way: `[glob, (files, options, context) => results]`.
 * So the plugin exports ONE tuple under both names, typed with the one name all three majors have.
 */
export type CreateNodesTuple<T> = CreateNodesV2<T>;

