#!/usr/bin/env bash
# Debian packages the tests use: chromium (browser tests) and prometheus (dashboard queries).
# Installs what is missing when it can (root or sudo); otherwise says so, and those tests skip.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "system-deps: no apt-get; install ${missing[*]} yourself or those tests will skip" >&2; exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo="sudo -n"; }
if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
  echo "system-deps: not root and no sudo; install ${missing[*]} yourself or those tests will skip" >&2; exit 0
fi
echo "system-deps: installing ${missing[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "system-deps: could not install ${missing[*]}; those tests will skip" >&2
# Debian starts a prometheus daemon on :9090 after installing it; the tests run their own.
command -v systemctl >/dev/null || pkill -x prometheus 2>/dev/null
exit 0
