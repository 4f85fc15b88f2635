#!/usr/bin/env bash
# Runs every test of the repository: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test CloudPI.sln --configuration Release "$@"
