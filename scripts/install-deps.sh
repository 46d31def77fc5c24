#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian 12 package Trove needs to build, run and test.
# Shared by the README's run and test commands; idempotent: it runs
# `apt-get update` once and installs only what is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ccache clang-format
  # Qt 6.4 and its runtime plugins
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-image-formats-plugins
  qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6 libgl-dev
  # translations: lupdate and lrelease, their CMake functions
  # (Qt6LinguistTools), and Qt's own catalogues (qtbase_de.qm, ...)
  qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  # zlib for the blob store, libcrypto for SHA-256, SQLite's C API for the
  # row walk `trove list` prints (Qt's driver uses the same libsqlite3)
  zlib1g-dev libssl-dev libsqlite3-dev
  # mimalloc: frees across threads take no lock of the allocating thread's
  libmimalloc-dev
  # decoders Qt lacks (app/imageformats): AVIF, HEIF/HEIC, JPEG XL, JPEG 2000
  libavif-dev libheif-dev libjxl-dev libopenjp2-7-dev
  # the long tail (PSD, TGA, DDS, SGI, PCX, TIFF variants): ImageMagick's
  # MagickCore in the trove-decode helper, sandboxed with libseccomp
  libmagickcore-6.q16-dev libseccomp-dev
  # libexif: the viewer's camera, date taken and exposure
  libexif-dev
  # libtiff's warnings (printed by Qt's TIFF plugin) are routed to a log
  libtiff-dev
  # their encoders make the test files (tests/hostile/tst_formats)
  libavif-bin libheif-examples libjxl-tools libopenjp2-tools
  # GraphicsMagick's gm makes the long tail's SGI, PCX and TIFF test files
  graphicsmagick
  # a display for the window under CI and for screenshots; libxcb for the
  # paste that reads the X clipboard off the GUI thread, xclip to own a
  # clipboard in its test (tests/ui/tst_x11clipboard)
  xvfb xauth libxcb1-dev xclip
  # used by tests and CLI checks (gzip -t, cmp); curl drives the local API
  gzip diffutils curl
  # a real browser for the local API's CORS test (tests/e2e/tst_apibrowser)
  chromium
  # packaging checks (cpack -G DEB, packaging/test-package.sh)
  dpkg-dev fakeroot file lintian desktop-file-utils appstream
)

# Benchmarks (bench/; they run Debian's /usr/bin/python3, which sees
# python3-matplotlib) compare Trove with a reference pipeline built from
# these; only `install-deps.sh --bench` installs them.
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(nginx aria2 pigz libvips-tools time python3-matplotlib xdotool)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages present"
fi
