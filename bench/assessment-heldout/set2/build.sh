#!/bin/sh
# Rebuild files/, expected/, files.json from the seeded generator, then re-read and check everything.
set -e
cd "$(dirname "$0")"
python3 make.py
python3 check.py
