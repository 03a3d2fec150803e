// The bake model's public surface: generators and the executor import from here.
export { mergeBakeFile } from './merge-bake-file';
export { serializeBakeFile } from './serialize-bake-file';
export { toBakeTargetName } from './to-bake-target-name';
