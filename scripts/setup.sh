#!/usr/bin/env bash
# Idempotent set-up of the project on Debian/Ubuntu with Python 3.11+.
#
#   bash scripts/setup.sh          # or, from another script:  source scripts/setup.sh
#
# - picks a Python >= 3.11 ($PYTHON if set, else python3, python3.13, python3.12, python3.11)
# - installs python3-venv with apt when `python -m venv` cannot work and we are root
# - creates .venv/ if missing (or broken)
# - installs requirements.txt only when it changed since the last successful install
#   (stamp: .venv/.requirements.sha256), with uv (pinned below; about twice as fast as pip
#   on a fresh machine), falling back to pip if uv cannot be installed
# - installs the Debian packages it needs (below) in the background while the Python
#   packages install, so a fresh machine waits for the slower of the two, not for both
# - installs Debian's chromium with apt when missing and we are root (Ubuntu: chromium-browser),
#   otherwise prints the command to run; exports CHROMIUM_PATH
# - installs LibreOffice Impress and the Liberation and DejaVu fonts (the deck's files and
#   their LibreOffice test) with apt when missing and we are root
#
# Quiet when there is nothing to do. When sourced it leaves the shell in the repository root.
# Never downloads browsers through Playwright (`playwright install` is not used).
# Defines ft_ensure_nginx (apt-installs nginx when root) for scripts/serve_cluster.sh.

set -euo pipefail

_ft_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$_ft_root"

UV_VERSION="0.13.9"  # pinned like requirements.txt

_ft_say() { printf 'setup: %s\n' "$*" >&2; }
_ft_die() { printf '\nsetup: ERROR: %s\n' "$*" >&2; return 1; }
_ft_is_root() { [ "$(id -u)" -eq 0 ]; }

_ft_apt_install() {
    # apt-get update once per set-up run, then install the given packages non-interactively.
    if [ -z "${_ft_apt_updated:-}" ]; then
        _ft_say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
        _ft_apt_updated=1
    fi
    _ft_say "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

ft_ensure_nginx() {
    # nginx for scripts/serve_cluster.sh (not needed otherwise): Debian's package, installed
    # with apt when we are root, else the command to run is printed. Prints nginx's path.
    local nginx
    nginx="$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)"
    if [ -z "$nginx" ]; then
        if _ft_is_root && command -v apt-get >/dev/null 2>&1; then
            _ft_apt_install nginx || _ft_die "could not install nginx with apt-get" || return 1
            nginx="$(command -v nginx || echo /usr/sbin/nginx)"
        else
            _ft_die "nginx is not installed. Run:
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y nginx" ||
                return 1
        fi
    fi
    printf '%s\n' "$nginx"
}

_ft_pick_python() {
    local cand
    for cand in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
        command -v "$cand" >/dev/null 2>&1 || continue
        # pyenv shims exist for versions that are not installed: run them to be sure.
        if "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
            >/dev/null 2>&1; then
            command -v "$cand"
            return 0
        fi
    done
    local found
    found="$(python3 --version 2>&1 || echo 'no python3 on PATH')"
    _ft_die "Python 3.11 or newer is required (found: ${found}).
  Debian 12 / Ubuntu 24.04:  apt-get install -y python3 python3-venv
  Or point PYTHON at one:    PYTHON=/path/to/python3.11 bash scripts/setup.sh"
}

_ft_ensure_venv_module() {
    local py="$1" ver
    # Debian/Ubuntu ship `venv` without `ensurepip`; both come with python3-venv.
    "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 && return 0
    ver="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    if _ft_is_root && command -v apt-get >/dev/null 2>&1; then
        _ft_apt_install "python${ver}-venv" || _ft_apt_install python3-venv ||
            _ft_die "could not install python${ver}-venv with apt-get"
        "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 ||
            _ft_die "$py still cannot create virtual environments after installing python3-venv"
    else
        _ft_die "$py cannot create virtual environments (module venv/ensurepip missing). Run:
  sudo apt-get update && sudo apt-get install -y python${ver}-venv
then run this script again."
    fi
}

_ft_setup() {
    local py

    # 1. Virtual environment.
    if [ ! -x .venv/bin/python ] || ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
        py="$(_ft_pick_python)" || return 1
        _ft_ensure_venv_module "$py" || return 1
        if [ -e .venv ]; then
            _ft_say "recreating the broken .venv/"
            rm -rf .venv
        fi
        _ft_say "creating .venv/ with $py ($("$py" --version 2>&1))"
        "$py" -m venv .venv || _ft_die "'$py -m venv .venv' failed" || return 1
    fi
    .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' ||
        _ft_die ".venv/ uses Python $(.venv/bin/python --version 2>&1); 3.11+ is required.
  Remove it (rm -rf .venv) and run this script again." || return 1

    # 2. The Debian packages (chromium, LibreOffice, fonts) in the background, the pinned
    #    Python packages meanwhile; then wait for both.
    local debs_log debs_pid=""
    debs_log="$(mktemp)"
    _ft_debs >"$debs_log" 2>&1 &  # its messages are shown once it is done
    debs_pid=$!
    local pip_status=0
    _ft_python_packages || pip_status=$?
    local debs_status=0
    wait "$debs_pid" || debs_status=$?
    cat "$debs_log" >&2
    rm -f "$debs_log"
    [ "$pip_status" -eq 0 ] || return "$pip_status"
    [ "$debs_status" -eq 0 ] || return "$debs_status"
    CHROMIUM_PATH="$(_ft_chromium_path)"
    export CHROMIUM_PATH
}

_ft_python_packages() {
    # The pinned packages, only when requirements.txt changed since the last install.
    local want have
    [ -f requirements.txt ] || _ft_die "requirements.txt not found in $_ft_root" || return 1
    want="$(sha256sum requirements.txt | cut -d' ' -f1)"
    have="$(cat .venv/.requirements.sha256 2>/dev/null || true)"
    [ "$want" != "$have" ] || return 0
    _ft_say "installing requirements.txt into .venv/ (this takes a minute the first time)"
    if .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-input \
        "uv==$UV_VERSION" >&2 && [ -x .venv/bin/uv ]; then
        .venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python \
            -r requirements.txt >&2 ||
            _ft_die "uv pip install -r requirements.txt failed (see its messages above)" ||
            return 1
    else
        _ft_say "uv could not be installed; installing with pip"
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-input \
            -r requirements.txt ||
            _ft_die "pip install -r requirements.txt failed (see pip's messages above)" ||
            return 1
    fi
    printf '%s\n' "$want" > .venv/.requirements.sha256
}

_ft_chromium_path() {
    local chromium="${CHROMIUM_PATH:-}"
    if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
        chromium="$(command -v chromium || command -v chromium-browser || true)"
    fi
    printf '%s\n' "${chromium:-/usr/bin/chromium}"
}

_ft_debs() {
    # What the tests and the image export need from Debian, in one apt-get install:
    # - chromium (browser tests, image export; Playwright drives this binary directly);
    # - the deck's fonts and its LibreOffice check: Liberation Sans (metric-compatible with
    #   Arial, which the PowerPoint names), DejaVu, and LibreOffice Impress, with which
    #   tests/test_deck_libreoffice.py opens the PowerPoint as a venue PC would.
    local want_debs=()
    [ -x "$(_ft_chromium_path)" ] || want_debs+=(chromium)
    command -v soffice >/dev/null 2>&1 || want_debs+=(libreoffice-impress)
    [ -d /usr/share/fonts/truetype/liberation2 ] || want_debs+=(fonts-liberation2)
    [ -d /usr/share/fonts/truetype/dejavu ] || want_debs+=(fonts-dejavu-core)
    [ "${#want_debs[@]}" -gt 0 ] || return 0
    if ! _ft_is_root || ! command -v apt-get >/dev/null 2>&1; then
        _ft_say "WARNING: missing ${want_debs[*]} (browser tests, image export and the deck's
  LibreOffice test need them). Run:
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${want_debs[*]}
  (Ubuntu: chromium-browser instead of chromium), or set CHROMIUM_PATH to a Chromium binary."
        return 0
    fi
    _ft_apt_install "${want_debs[@]}" && return 0
    # Ubuntu: `chromium` may not exist; `chromium-browser` does.
    [[ " ${want_debs[*]} " == *" chromium "* ]] &&
        _ft_apt_install "${want_debs[@]/#chromium/chromium-browser}" && return 0
    _ft_die "could not install ${want_debs[*]} with apt-get"
}

if ! _ft_setup; then
    # Sourced: fail the caller's `source` (set -e stops it). Run directly: exit non-zero.
    return 1 2>/dev/null || exit 1
fi
