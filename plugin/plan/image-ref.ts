import type { ImageRef } from '../types';

/**
 * Docker's image reference grammar (distribution/reference, regexp.go and reference.go):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] remote-name           (at most 255 characters)
 *   domain    := host [ ":" port ]                   host: DNS labels joined by "." or [IPv6]
 *   remote    := path-component ( "/" path-component )*
 *   path-component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex{32,}
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_ONLY = new RegExp(`^${NAME}$`);

/** Why `reference` is not a valid image reference, or undefined when it is. */
export function explainImageReference(reference: string): string | undefined {
  const match = REFERENCE.exec(reference);
  if (!match) {
    if (/[A-Z]/.test(reference.split('/').slice(1).join('/') || reference))
      return 'repository names are lowercase only';
    if (/\s/.test(reference)) return 'it contains white space';
    return 'it does not match name[:tag][@digest] (lowercase letters, digits and . _ - separators; tags of at most 128 word characters)';
  }
  if (match[1].length > 255) return `its name is ${match[1].length} characters long (at most 255)`;
  return undefined;
}

/** Why `name` (a registry/namespace prefix, or a repository without tag) is invalid, or undefined. */
export function explainImageName(name: string): string | undefined {
  if (NAME_ONLY.test(name)) return name.length > 255 ? `it is ${name.length} characters long (at most 255)` : undefined;
  return explainImageReference(name) ?? 'a tag or digest is not allowed here';
}

/**
 * The one reader and writer of image references in plans. `parseImageRef` splits
 * `registry/name:tag@digest`: the digest after the last `@`, the tag at the last colon after the
 * last slash (a registry port such as `localhost:5000/x` is not a tag); a reference without a tag
 * keeps `tag: ''`, the image's default. It does not validate: user input is checked with
 * `explainImageReference` where it enters; references built from versions.json are trusted.
 */
export function parseImageRef(reference: string): ImageRef {
  const at = reference.lastIndexOf('@');
  const digest = at > 0 ? reference.slice(at + 1) : undefined;
  const named = at > 0 ? reference.slice(0, at) : reference;
  const colon = named.lastIndexOf(':');
  const [image, tag] = colon <= named.lastIndexOf('/') ? [named, ''] : [named.slice(0, colon), named.slice(colon + 1)];
  return digest ? { image, tag, digest } : { image, tag };
}

/** `{ image: 'node', tag: '22-bookworm-slim' }` → `node:22-bookworm-slim`; no tag → the bare name; a digest after `@`. */
export function formatImageRef(ref: ImageRef): string {
  return `${ref.image}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
