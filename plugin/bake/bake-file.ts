/** A subset of buildx's bake Target (bake/bake.go), same JSON keys. */
export interface BakeTarget {
  context?: string;
  dockerfile?: string;
  contexts?: Record<string, string>;
  args?: Record<string, string>;
  labels?: Record<string, string>;
  tags?: string[];
  platforms?: string[];
  target?: string;
  'cache-from'?: string[];
  'cache-to'?: string[];
  secret?: string[];
  ssh?: string[];
  output?: string[];
  attest?: string[];
  pull?: boolean;
  'no-cache'?: boolean;
}

export interface BakeFile {
  group: Record<string, { targets: string[] }>;
  target: Record<string, BakeTarget>;
}
