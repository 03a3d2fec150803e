/**
 * The data that flows through the pipeline:
 *   detect ──► ProjectProfile ──► plan ──► BuildPlan ──► render ──► text files
 * Everything is plain data so each stage can be tested without Nx or Docker. Each concern has its
 * own file; this module re-exports them so callers need one import:
 * - profile.ts: facts every profile shares (Sourced, HealthProbe, …) and the ProjectProfile union;
 * - languages/<language>/<language>-profile.ts: what detection found for one language;
 * - plan/build-plan.ts: stages, steps and mounts (BuildPlan);
 * - bake/bake-file.ts: buildx's bake file model;
 * - options.ts: the generator's options and the service settings they become.
 */
export type * from './profile';
export type * from './languages/node/node-profile';
export type * from './languages/go/go-profile';
export type * from './languages/rust/rust-profile';
export type * from './languages/python/python-profile';
export type * from './languages/java/java-profile';
export type * from './plan/build-plan';
export type * from './bake/bake-file';
export type * from './options';
