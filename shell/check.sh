#!/usr/bin/env bash
# Feeds the seed's examples to `./zygote4j shell` on standard input and checks what it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(./zygote4j shell --feedback concise < shell/check-input.jsh 2>&1)
status=0
while IFS= read -r want; do
  [[ -z "$want" ]] && continue
  if ! grep -qF -- "$want" <<<"$out"; then
    echo "shell check: expected to see: $want" >&2
    status=1
  fi
done < shell/check-expected.txt
if [[ $status != 0 ]]; then
  echo "--- jshell printed:" >&2
  echo "$out" >&2
  exit 1
fi
echo "shell check: $(grep -c . shell/check-expected.txt) expected lines seen"
