#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Packaging test: builds the Debian package and the portable archive from a
# built tree, then checks what is in them, validates the desktop entry and
# AppStream metadata, runs the packaged trove, and runs lintian.
#
#   bash packaging/test-package.sh BUILD_DIR
#
# BUILD_DIR is a configured and built CMake tree (e.g. build/release). One
# PASS/FAIL line per check, a summary at the end; exits 1 if any check failed
# (lintian errors fail, lintian warnings are reported only), 2 on bad usage.
# Needs: cpack, dpkg-deb, dpkg-shlibdeps (dpkg-dev), desktop-file-validate
# (desktop-file-utils), appstreamcli (appstream), lintian, file, apt-get —
# all in scripts/install-deps.sh.
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1/CPackConfig.cmake" ]]; then
    echo "usage: $0 BUILD_DIR   (a configured, built CMake tree with CPackConfig.cmake)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)

app_id=io.github.trove.Trove
passed=0
failed=0
failures=()

pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() {
    echo "FAIL: $1${2:+ — $2}"
    failed=$((failed + 1))
    failures+=("$1")
}
# check NAME COMMAND...: PASS if the command succeeds; on failure show its output.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        pass "$name"
    else
        fail "$name"
        [[ -n $out ]] && sed 's/^/    /' <<<"$out"
    fi
    return 0
}

work=$(mktemp -d "${TMPDIR:-/tmp}/trove-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli lintian file apt-get; do
    if ! command -v "$tool" >/dev/null; then
        fail "tool $tool is installed" "run: bash scripts/install-deps.sh"
    fi
done
if ((failed)); then
    echo "SUMMARY: $passed passed, $failed failed (missing tools)"
    exit 1
fi

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb="$build/trove_${version}_${arch}.deb"
echo "Trove $version ($arch), build dir $build"

# --- build the packages -------------------------------------------------------
rm -f "$build"/trove_*.deb "$build"/trove-*.tar.gz
for gen in DEB TGZ; do
    if (cd "$build" && cpack -G "$gen") >"$work/cpack-$gen.log" 2>&1; then
        pass "cpack -G $gen"
    else
        fail "cpack -G $gen" "log follows"
        sed 's/^/    /' "$work/cpack-$gen.log" | tail -n 30
    fi
done
if [[ ! -f $deb ]]; then
    fail "package file trove_${version}_${arch}.deb exists"
    echo "SUMMARY: $passed passed, $failed failed: ${failures[*]}"
    exit 1
fi
pass "package file $(basename "$deb") exists"

# --- contents -------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/contents"
expected=(
    ./usr/bin/trove
    ./usr/libexec/trove/trove-decode
    ./usr/lib/trove/imageformats/libtrove_imageformats.so
    ./usr/share/applications/$app_id.desktop
    ./usr/share/metainfo/$app_id.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/$app_id.svg
    ./usr/share/man/man1/trove.1.gz
    ./usr/share/doc/trove/copyright
    ./usr/share/doc/trove/changelog.gz
    ./usr/share/bash-completion/completions/trove
    ./usr/share/zsh/vendor-completions/_trove
    ./usr/share/trove/translations/trove_de.qm
    ./usr/share/trove/translations/trove_fr.qm
    ./usr/share/trove/translations/trove_en.qm
)
for size in 16 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
missing=()
for path in "${expected[@]}"; do
    grep -qxF -- "$path" "$work/contents" || missing+=("$path")
done
if ((${#missing[@]} == 0)); then
    pass "dpkg-deb -c lists all ${#expected[@]} expected files"
else
    fail "dpkg-deb -c lists all expected files" "missing: ${missing[*]}"
fi
unexpected=$(grep -vE '^\./usr/(bin|share|libexec/trove|lib/trove)/|^\./usr/(libexec|lib)/$|^\./(usr/)?$' "$work/contents" || true)
if [[ -z $unexpected ]]; then
    pass "dpkg-deb -c: nothing outside /usr/bin, /usr/libexec/trove, /usr/lib/trove and /usr/share"
else
    fail "dpkg-deb -c: nothing outside /usr/bin, /usr/libexec/trove, /usr/lib/trove and /usr/share" "$(tr '\n' ' ' <<<"$unexpected")"
fi

# --- control fields ------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
expect_field() {
    local name=$1 want=$2 got
    got=$(field "$name")
    if [[ $got == "$want" ]]; then pass "control $name: $want"; else fail "control $name is '$want'" "got '$got'"; fi
}
expect_field Package trove
expect_field Version "$version"
expect_field Architecture "$arch"
expect_field Section graphics
expect_field Priority optional
maintainer=$(field Maintainer)
if [[ $maintainer =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]]; then
    pass "control Maintainer: $maintainer"
else
    fail "control Maintainer is 'Name <address>'" "got '$maintainer'"
fi
description=$(field Description)
if [[ $(wc -l <<<"$description") -ge 3 && -n $(head -n1 <<<"$description") ]]; then
    pass "control Description: summary and long description"
else
    fail "control Description has a summary and a long description" "got '$description'"
fi
depends=$(field Depends)
missing=()
for pkg in libqt6sql6-sqlite qt6-image-formats-plugins libqt6svg6 qt6-qpa-plugins libqt6core6 libqt6widgets6 libc6 \
    libmagickcore-6.q16-6 libseccomp2; do
    grep -qE "(^|, )$pkg( |,|$)" <<<"$depends" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
    pass "control Depends: Qt plugins and shlibdeps libraries"
else
    fail "control Depends names the plugins and the shlibdeps libraries" "missing ${missing[*]} in '$depends'"
fi
check "apt-get --simulate install resolves Depends" \
    apt-get install --simulate --no-install-recommends "$deb"

# --- unpack and validate --------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
# Each catalogue is a real Qt .qm (magic 3c b8 64 18) that is not empty.
for lang in de fr en; do
    check "translations: trove_$lang.qm is a Qt catalogue" \
        bash -c '[[ $(head -c 4 "$1" | od -An -tx1 | tr -d " \n") == 3cb86418 && $(stat -c %s "$1") -gt 100 ]]' \
        _ "$root/usr/share/trove/translations/trove_$lang.qm"
done
check "desktop-file-validate $app_id.desktop" \
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
check "appstreamcli validate --no-net $app_id.metainfo.xml" \
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"
if grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml"; then
    pass "metainfo has a release for $version"
else
    fail "metainfo has a release for $version"
fi
bad_icons=()
for size in 16 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    file -b "$png" | grep -q "PNG image data, $size x $size," || bad_icons+=("${size}px: $(file -b "$png")")
done
if ((${#bad_icons[@]} == 0)); then
    pass "hicolor PNG icons have their nominal sizes"
else
    fail "hicolor PNG icons have their nominal sizes" "${bad_icons[*]}"
fi
check "man page trove.1.gz is a valid gzip file" gzip -t "$root/usr/share/man/man1/trove.1.gz"
for bin in /usr/bin/trove /usr/libexec/trove/trove-decode; do
    if readelf -d "$root$bin" | grep -qE 'RPATH|RUNPATH'; then
        fail "$bin has no RPATH/RUNPATH"
    else
        pass "$bin has no RPATH/RUNPATH"
    fi
done

# --- run what was packaged -------------------------------------------------------
# run_trove LABEL BINARY: --version prints "trove <version>"; stats on a new
# library exits 0.
run_trove() {
    local label=$1 bin=$2 out lib="$work/library-$1"
    if out=$(env -u TROVE_LIBRARY QT_QPA_PLATFORM=offscreen "$bin" --version 2>&1) \
        && [[ $out == "trove $version" ]]; then
        pass "$label: trove --version prints 'trove $version'"
    else
        fail "$label: trove --version prints 'trove $version'" "got '$out'"
    fi
    # Only add makes a library: stats on a new folder says there is none.
    if ! out=$(QT_QPA_PLATFORM=offscreen "$bin" stats --library "$lib" 2>&1) \
        && grep -q 'no Trove library in' <<<"$out" && [[ ! -e $lib ]]; then
        pass "$label: trove stats --library <new folder> says there is no library"
    else
        fail "$label: trove stats --library <new folder> says there is no library" "$out"
    fi
    # The codecs are a plugin the binary finds in its package's own folder:
    # an AVIF (made from the packaged icon) is read, stored and listed.
    local avif="$work/icon-$label.avif"
    if avifenc --min 10 --max 20 "$root/usr/share/icons/hicolor/64x64/apps/$app_id.png" "$avif" >/dev/null 2>&1 \
        && out=$(QT_QPA_PLATFORM=offscreen "$bin" add "$avif" --library "$lib" 2>&1) \
        && out=$(QT_QPA_PLATFORM=offscreen "$bin" list --json --library "$lib" 2>&1) \
        && grep -q '"format": "avif"' <<<"$out"; then
        pass "$label: trove add reads an AVIF through its packaged plugin"
    else
        fail "$label: trove add reads an AVIF through its packaged plugin" "$out"
    fi
    if out=$(QT_QPA_PLATFORM=offscreen "$bin" stats --json --library "$lib" 2>&1) \
        && grep -q '"images": 1' <<<"$out"; then
        pass "$label: trove stats --json reports the image added"
    else
        fail "$label: trove stats --json reports the image added" "$out"
    fi
}
run_trove deb "$root/usr/bin/trove"

# The packaged bash completion, driven as bash would drive it, with the
# packaged binary answering `trove add --help` for the options.
complete_trove() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _trove 2>/dev/null
        printf "%s\n" "${COMPREPLY[@]}"' _ "$root/usr/share/bash-completion/completions/trove" "$@"
}
if out=$(complete_trove "$root/usr/bin/trove" ad) && [[ $out == add ]] \
    && out=$(complete_trove "$root/usr/bin/trove" add --qu) && [[ $out == --quiet ]]; then
    pass "deb: bash completes 'trove ad' to add and 'add --qu' to --quiet"
else
    fail "deb: bash completes 'trove ad' to add and 'add --qu' to --quiet" "got '$out'"
fi
if command -v zsh >/dev/null; then
    check "deb: zsh completion parses" zsh -n "$root/usr/share/zsh/vendor-completions/_trove"
fi

# The packaged helper decodes a 1x1 uncompressed TGA (header, one BGR
# pixel) from stdin, inside its sandbox, into "TRV1" and the pixels.
# (\030 is 24 bits a pixel.)
decoded=$(printf '\0\0\2\0\0\0\0\0\0\0\0\0\1\0\1\0\030\0\0\0\377' \
    | "$root/usr/libexec/trove/trove-decode" tga 1000 100 0 2>&1 | head -c 4 || true)
if [[ $decoded == TRV1 ]]; then
    pass "deb: trove-decode decodes a TGA from stdin"
else
    fail "deb: trove-decode decodes a TGA from stdin" "got '$decoded'"
fi

# --- the portable archive --------------------------------------------------------
tgz=$(find "$build" -maxdepth 1 -name "trove-${version}-*.tar.gz" | head -n1)
if [[ -n $tgz ]]; then
    pass "portable archive $(basename "$tgz") exists"
    mkdir "$work/tgz"
    tar -xzf "$tgz" -C "$work/tgz"
    top=$(find "$work/tgz" -mindepth 1 -maxdepth 1)
    if [[ $(wc -l <<<"$top") -eq 1 && -x "$top/bin/trove" ]]; then
        pass "archive unpacks to one folder, $(basename "$top")/bin/trove"
        run_trove tgz "$top/bin/trove"
    else
        fail "archive unpacks to one folder with bin/trove" "found: $(ls "$work/tgz")"
    fi
else
    fail "portable archive trove-${version}-*.tar.gz exists"
fi

# --- lintian ----------------------------------------------------------------------
# Errors fail the test; warnings and info are reported.
lintian --info --display-info --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1 || true
findings=$(grep -E '^[EWIPX]: ' "$work/lintian.log" || true)
errors=$(grep -cE '^E: ' <<<"$findings" || true)
warnings=$(grep -cE '^W: ' <<<"$findings" || true)
echo "lintian findings (${errors} errors, ${warnings} warnings):"
if [[ -n $findings ]]; then sed 's/^/    /' <<<"$findings"; else echo "    (none)"; fi
if grep -qE '^(Traceback|Can.t|Unknown)' "$work/lintian.log"; then
    fail "lintian ran" "$(head -n5 "$work/lintian.log")"
elif ((errors == 0)); then
    pass "lintian: no errors ($warnings warnings)"
else
    fail "lintian: no errors" "$errors errors"
fi

echo
if ((failed == 0)); then
    echo "SUMMARY: PASS — all $passed packaging checks passed"
    exit 0
fi
echo "SUMMARY: FAIL — $failed of $((passed + failed)) packaging checks failed: ${failures[*]}"
exit 1
