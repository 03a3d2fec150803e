set -eu
venv=$1
overlay=$2
shift 2
work=$(mktemp -d)
list() {
  (cd / && find "${venv#/}" -printf '%C@ ' -print) > "$work/list"
  LC_ALL=C sort "$work/list"
}
paths() { cut -d ' ' -f 2- "$1" | LC_ALL=C sort; }
list > "$work/before"
"$@"
list > "$work/after"
paths "$work/before" > "$work/before-paths"
paths "$work/after" > "$work/after-paths"
LC_ALL=C comm -23 "$work/before-paths" "$work/after-paths" > "$work/removed"
if [ -s "$work/removed" ]; then
  echo "nx-dockerize: the project install removed these files from the dependency layer, which the runtime copies as it is:" >&2
  cat "$work/removed" >&2
  exit 1
fi
LC_ALL=C comm -13 "$work/before" "$work/after" | cut -d ' ' -f 2- > "$work/changed"
mkdir -p "$overlay"
tar -C / --numeric-owner --no-recursion --verbatim-files-from -T "$work/changed" -cf "$work/overlay.tar"
tar -C "$overlay" --numeric-owner -xpf "$work/overlay.tar"
echo "nx-dockerize: the project install added or changed $(wc -l < "$work/changed") paths under $venv; copied to $overlay"
rm -rf "$work"
