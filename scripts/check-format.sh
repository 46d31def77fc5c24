#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a tracked C++ file is not clang-format clean or a source file
# lacks its SPDX licence line. Part of the README's test command (and so of
# CI); `bash scripts/check-format.sh --fix` formats the tree in place.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t cxx < <(git ls-files '*.cpp' '*.h')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${cxx[@]}"
fi

status=0
if ! clang-format --dry-run --Werror "${cxx[@]}" 2>/tmp/trove-format.$$; then
  echo "check-format: these files are not clang-format clean (run scripts/check-format.sh --fix):" >&2
  grep -oE '^[^:]+\.(cpp|h)' /tmp/trove-format.$$ | sort -u | sed 's/^/  /' >&2
  status=1
fi
rm -f /tmp/trove-format.$$

missing=()
for f in "${cxx[@]}"; do
  head -1 "$f" | grep -q 'SPDX-License-Identifier' || missing+=("$f")
done
for f in $(git ls-files 'CMakeLists.txt' '*/CMakeLists.txt' '*.cmake' '*.sh'); do
  head -2 "$f" | grep -q 'SPDX-License-Identifier' || missing+=("$f")
done
if ((${#missing[@]})); then
  echo "check-format: missing an SPDX-License-Identifier line:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  status=1
fi
((status == 0)) && echo "check-format: $((${#cxx[@]})) C++ files formatted, SPDX lines present"
exit $status
