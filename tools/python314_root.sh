#!/usr/bin/env bash
# Build a Debian sid root holding Python 3.14, for the packages generation of SRE Bot.
#
# Usage: tools/python314_root.sh ROOT
#
# No Debian release before sid ships python3.14, and this machine's C library is too old
# for sid's binary, so the host's CI runs inside a minimal sid root instead
# (hosts/README.md). debootstrap itself is fetched as a package and unpacked, not
# installed. Needs root (debootstrap, chroot). Idempotent: a finished ROOT is kept.
set -euo pipefail

root=$(realpath -m "${1:?usage: $0 ROOT}")
if [[ -f "$root/.complete" ]]; then
    exit 0
fi
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt downloads as root here: its sandbox user could not write into the private folder.
(cd "$work" && apt-get download -qq -o APT::Sandbox::User=root debootstrap >/dev/null)
dpkg-deb -x "$work"/debootstrap_*.deb "$work/debootstrap"

rm -rf "$root"
mkdir -p "$root"
DEBOOTSTRAP_DIR="$work/debootstrap/usr/share/debootstrap" \
    "$work/debootstrap/usr/sbin/debootstrap" --variant=minbase \
    --include=python3.14,python3.14-venv,ca-certificates,make,git \
    sid "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
touch "$root/.complete"
