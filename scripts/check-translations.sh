#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when the catalogues in resources/translations are not current: a
# tr() string of the window that lupdate would add (as unfinished, which
# tst_uitranslations then catches) or one it would drop. lupdate runs over
# the tree's .ts files, the differences are printed, and the files are put
# back as they were. Needs a configured release build (scripts/test.sh
# runs this after it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=resources/translations
kept=$(mktemp -d)
trap 'cp -p "$kept"/*.ts "$dir"/; rm -rf "$kept"' EXIT
cp -p "$dir"/*.ts "$kept"/
cmake --build --preset release --target update_translations > "$kept/lupdate.log" 2>&1 || {
    cat "$kept/lupdate.log"
    exit 1
}
changed=0
for ts in "$kept"/*.ts; do
    diff -u "$ts" "$dir/${ts##*/}" >> "$kept/changes.diff" || changed=1
done
if ((changed)); then
    echo "check-translations: the catalogues miss strings of the sources (or hold gone ones):"
    head -n 60 "$kept/changes.diff"
    echo "Run: cmake --build --preset release --target update_translations, translate what is"
    echo "unfinished (resources/translations/README.md) and commit the .ts files."
    exit 1
fi
echo "check-translations: every catalogue is current"
