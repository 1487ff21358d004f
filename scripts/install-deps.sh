#!/usr/bin/env bash
# Installs the Debian 12 packages Xueshi needs to build, test and run, skipping those already
# installed. Run as root (or with sudo available).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config file dpkg-dev git
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-pdf-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql
    libsodium-dev libssl-dev zlib1g-dev
    libqrencode-dev libzbar-dev qt6-charts-dev
    fonts-noto-cjk fonts-dejavu-core
    postgresql clang-format
    clang libfuzzer-14-dev libclang-rt-14-dev
    xvfb xauth imagemagick poppler-utils
    wrk nginx
    # packaging: icons rendered at build time, the metadata checked, the packages' run-time needs
    librsvg2-bin appstream desktop-file-utils curl python3 systemd adduser qt6-translations-l10n libsecret-1-0
    libcurl4-openssl-dev
    # the packages test: systemd in namespaces of its own (unshare, nsenter), ps/pgrep, openssl
    util-linux procps openssl
    python3-aiosmtpd
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}"
run() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
export DEBIAN_FRONTEND=noninteractive
run apt-get update -q
run apt-get install -y -q "${missing[@]}"
