#!/bin/sh
# Byte-identity check for performance work: runs `modpol eval -f jsonl` (one thread, no --explain)
# of this clone's build over the blind rounds, ../shared/data/*.jsonl and any extra JSONL files
# given, and writes one output file each to DIR. Run it before and after a change and `diff -r` the
# two folders: an optimisation must change no byte.
#   sh scripts/bench/same-output.sh DIR [EXTRA.jsonl…]
set -eu
out=$1; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
for f in "$root"/test/fixtures/blind/*.jsonl "$root"/../shared/data/*.jsonl "$@"; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .jsonl)
  node "$root/bin/modpol.js" eval -i "$f" --input-format jsonl -f jsonl -p meta-2022-03-10 --jobs 1 -o "$out/$name.jsonl" || echo "exit $? on $f" >>"$out/exit-codes.txt"
done
ls "$out" | wc -l
