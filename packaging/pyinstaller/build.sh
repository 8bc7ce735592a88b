#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller in its own virtual environment, then runs the
# frozen app's --self-test and prints the folder's size. Usage: packaging/pyinstaller/build.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${NEUROCOACH_BUILD:-"$repo/build/pyinstaller"}
mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --upgrade pip
"$work/venv/bin/pip" install -q "$repo" "pyinstaller>=6.10"
"$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath "$work/work" --distpath "$work/dist" "$here/neurocoach.spec"
app="$work/dist/neurocoach"
QT_QPA_PLATFORM=offscreen "$app/neurocoach" --self-test
echo "frozen app: $app ($(du -sm "$app" | cut -f1) MB)"
