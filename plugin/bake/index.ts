// The bake model's public surface: generators and the executor import from here.
export { explainImageName, explainImageReference } from '../plan/image-ref';
export { mergeBakeFile, serializeBakeDocument, type BakeDocument, type BakeMerge } from './merge-bake-file';
export { serializeBakeFile } from './serialize-bake-file';
export { assertUniqueNames, toBakeTargetName, toImageNames, type ImageNames } from './to-image-names';
