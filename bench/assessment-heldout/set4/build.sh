#!/bin/sh
set -e
cd "$(dirname "$0")"
python3 make.py
python3 check.py
