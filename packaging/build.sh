#!/usr/bin/env bash
# Builds the packages from the release binaries already built by
#   cargo build --release --locked
#   cargo build --release --locked --target x86_64-pc-windows-gnu
# into "$CARGO_TARGET_DIR/dist" (or target/dist):
#   THIRD-PARTY-LICENSES.txt                  cargo-about; fails on a licence
#                                             not accepted in packaging/about.toml
#   Loftesuppfoljning-X.Y.Z-windows-x64.zip   portable: exe, LASMIG.txt, licences
#   Loftesuppfoljning-X.Y.Z-windows-x64.msi   wixl (msitools): Start menu, .ron
#   medborgarlofte_X.Y.Z_amd64.deb            dpkg-deb: .desktop, icon, MIME type
# Needs cargo-about, zip, wixl and dpkg-deb (see packaging/README.md).
# SOURCE_DATE_EPOCH (default: the last commit's time) dates the files inside.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_DIR="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
DIST="$TARGET_DIR/dist"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
WIN_EXE="$TARGET_DIR/x86_64-pc-windows-gnu/release/medborgarlofte.exe"
LINUX_BIN="$TARGET_DIR/release/medborgarlofte"
for f in "$WIN_EXE" "$LINUX_BIN"; do
  [ -f "$f" ] || { echo "packaging: $f is missing: build the release binaries first" >&2; exit 1; }
done

rm -rf "$DIST"
mkdir -p "$DIST"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT

# Text files for Windows: CRLF line ends, so every editor shows lines.
crlf() { sed 's/\r*$/\r/' "$1"; }

# --- Licences --------------------------------------------------------------
# The list depends only on Cargo.lock and the two config files: kept per
# their hash in the target dir, so a warm CI run does not scan ~440 crates
# (about a minute) again. A rejected licence is never cached.
ABOUT_KEY="$(cat Cargo.lock packaging/about.toml packaging/about.hbs <(cargo about --version) | sha256sum | cut -c1-16)"
ABOUT_CACHE="$TARGET_DIR/about-cache/THIRD-PARTY-LICENSES-$ABOUT_KEY.txt"
if [ ! -f "$ABOUT_CACHE" ]; then
  mkdir -p "$(dirname "$ABOUT_CACHE")"
  rm -f "$TARGET_DIR"/about-cache/THIRD-PARTY-LICENSES-*.txt
  # cargo-about reads `cargo metadata` offline, which needs the sources of
  # every platform's dependencies (accesskit_ios, say), not only the ones
  # the builds above downloaded: on a fresh machine, fetch them first.
  cargo fetch --locked --quiet
  cargo about generate --locked --offline --fail \
    -c packaging/about.toml packaging/about.hbs -o "$ABOUT_CACHE.tmp"
  mv "$ABOUT_CACHE.tmp" "$ABOUT_CACHE"
fi
cp "$ABOUT_CACHE" "$DIST/THIRD-PARTY-LICENSES.txt"

# --- Windows: portable zip -------------------------------------------------
NAME="Loftesuppfoljning-$VERSION-windows-x64"
WIN="$STAGE/$NAME"
mkdir -p "$WIN"
cp "$WIN_EXE" "$WIN/medborgarlofte.exe"
sed "s/@VERSION@/$VERSION/" packaging/windows/LASMIG.txt > "$STAGE/LASMIG.txt"
crlf "$STAGE/LASMIG.txt" > "$WIN/LASMIG.txt"
crlf "$DIST/THIRD-PARTY-LICENSES.txt" > "$WIN/THIRD-PARTY-LICENSES.txt"
crlf assets/fonts/LICENSE-DejaVu.txt > "$WIN/LICENSE-DejaVu.txt"
find "$WIN" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$STAGE" && zip -q -X -r -9 "$DIST/$NAME.zip" "$NAME")

# --- Windows: MSI ----------------------------------------------------------
# wixl resolves the WiX file's sources relative to the working directory.
cp assets/icon/medborgarlofte.ico "$WIN/"
(cd "$WIN" && wixl -a x64 -D Version="$VERSION" -D SourceDir=. \
  -o "$DIST/$NAME.msi" "$OLDPWD/packaging/windows/medborgarlofte.wxs")

# --- Linux: .deb -----------------------------------------------------------
DEB="$STAGE/deb"
install -D -m 0755 "$LINUX_BIN" "$DEB/usr/bin/medborgarlofte"
install -D -m 0644 packaging/linux/medborgarlofte.desktop \
  "$DEB/usr/share/applications/medborgarlofte.desktop"
install -D -m 0644 packaging/linux/medborgarlofte-mime.xml \
  "$DEB/usr/share/mime/packages/medborgarlofte.xml"
for size in 48 128 256; do
  install -D -m 0644 "assets/icon/medborgarlofte-$size.png" \
    "$DEB/usr/share/icons/hicolor/${size}x${size}/apps/medborgarlofte.png"
done
install -D -m 0644 assets/icon/medborgarlofte.svg \
  "$DEB/usr/share/icons/hicolor/scalable/apps/medborgarlofte.svg"
DOC="$DEB/usr/share/doc/medborgarlofte"
install -D -m 0644 packaging/linux/copyright "$DOC/copyright"
install -m 0644 "$DIST/THIRD-PARTY-LICENSES.txt" assets/fonts/LICENSE-DejaVu.txt "$DOC/"
install -m 0644 README.md "$DOC/README.md"
SIZE="$(du -sk --apparent-size "$DEB/usr" | cut -f1)"
mkdir -p "$DEB/DEBIAN"
sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$SIZE/" packaging/linux/control > "$DEB/DEBIAN/control"
find "$DEB" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$DEB" "$DIST/medborgarlofte_${VERSION}_amd64.deb" >/dev/null

ls -l "$DIST"
