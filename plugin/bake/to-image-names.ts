/**
 * The one place an Nx project name becomes the names Docker sees:
 *
 *   Nx project name ──► bake target name ──► image repository name
 *   `@acme/Api.v2`       `acme-Api-v2`         `acme-api-v2`
 *
 * - bake target: buildx's target-name grammar `^[a-zA-Z0-9_-]+$` (bake/bake.go validateTargetName);
 *   case is kept (targets are case-sensitive keys of docker-bake.json).
 * - repository: one path component of the OCI distribution spec's name grammar
 *   `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` (distribution/reference regexp.go); lowercase only.
 * - non-ASCII: Latin letters with diacritics are spelled without them (NFKD, then the few letters
 *   NFKD leaves alone: ß æ œ ø đ ł þ); any other non-ASCII letter is refused, naming the letter,
 *   because dropping it silently would make `cafe` and `café-ü` look unrelated or collide.
 * - stable: pure function of the name; the same project always gets the same names.
 * Uniqueness across the workspace is checked by `findNameCollision` (two projects, one name).
 */
export interface ImageNames {
  bakeTarget: string;
  repository: string;
}

const BAKE_TARGET = /^[a-zA-Z0-9_-]+$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** Docker's limit for a whole name is 255; leave room for a registry prefix. */
const MAX_REPOSITORY = 128;
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
};

export function toImageNames(project: string): ImageNames {
  const ascii = toAscii(project);
  const bakeTarget = ascii
    .replace(/[^a-zA-Z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/[a-zA-Z0-9]/.test(bakeTarget)) {
    throw new Error(
      `Cannot derive a bake target name from project "${project}": it has no letters or digits. Rename the project.`,
    );
  }
  const repository = bakeTarget
    .toLowerCase()
    // Separator runs the grammar does not allow (`-_`, `___`, `_-`) become one dash.
    .replace(/[-_]+/g, (run) => (run === '_' || run === '__' || /^-+$/.test(run) ? run : '-'))
    .replace(/^[-_]+|[-_]+$/g, '');
  if (!BAKE_TARGET.test(bakeTarget) || !PATH_COMPONENT.test(repository)) {
    throw new Error(
      `Cannot derive valid Docker names from project "${project}" (got "${bakeTarget}", "${repository}"). Rename the project.`,
    );
  }
  if (repository.length > MAX_REPOSITORY) {
    throw new Error(
      `Project name "${project}" gives an image name of ${repository.length} characters (at most ${MAX_REPOSITORY}). Rename the project.`,
    );
  }
  return { bakeTarget, repository };
}

/** Bake target name only (`toImageNames(project).bakeTarget`). */
export function toBakeTargetName(project: string): string {
  return toImageNames(project).bakeTarget;
}

function toAscii(project: string): string {
  const spelled = [...project.normalize('NFKD').replace(/\p{M}+/gu, '')].map((char) => SPELLED[char] ?? char).join('');
  const foreign = [...spelled].find((char) => char.charCodeAt(0) > 0x7f && /\p{L}|\p{N}/u.test(char));
  if (foreign) {
    throw new Error(
      `Cannot derive Docker names from project "${project}": "${foreign}" has no ASCII spelling, and bake target and image names are ASCII only. ` +
        'Rename the project (Nx `name` in project.json or package.json) to ASCII letters.',
    );
  }
  return spelled;
}

/**
 * The other project whose bake target or image repository equals `project`'s, or undefined.
 * Names that cannot be derived at all are skipped here (they fail when that project is dockerized).
 * Throws an Error naming both projects: one would silently re-point the other's target or tag.
 */
export function assertUniqueNames(project: string, others: Iterable<string>): ImageNames {
  const mine = toImageNames(project);
  for (const other of others) {
    if (other === project) continue;
    let theirs: ImageNames;
    try {
      theirs = toImageNames(other);
    } catch {
      continue;
    }
    const clash =
      theirs.bakeTarget === mine.bakeTarget
        ? `bake target "${mine.bakeTarget}"`
        : theirs.repository === mine.repository
          ? `image name "${mine.repository}"`
          : '';
    if (clash) {
      throw new Error(
        `Projects "${project}" and "${other}" would share the ${clash} (names that differ only by case or punctuation map to the same Docker name). ` +
          'Rename one of the two projects.',
      );
    }
  }
  return mine;
}
