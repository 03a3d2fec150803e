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
