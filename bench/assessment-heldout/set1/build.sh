#!/bin/sh
# Rebuild files/, expected/ and files.json from the seeded generator, then verify them.
set -e
cd "$(dirname "$0")"
python3 make.py
python3 check.py
