#!/bin/sh
# The .NET tool's packages, as one feed: the pointer package CloudPI.Tool, this machine's Native AOT package
# (CloudPI.Tool.linux-x64 or .linux-arm64) and CloudPI.Tool.any, the framework-dependent build for every other
# platform. 'dotnet tool install CloudPI.Tool' then installs the AOT binary on this kind of machine and the
# framework-dependent one elsewhere. tests/CloudPI.Deploy.Tests runs it and installs from the feed it writes.
#
#   deploy/pack-tool.sh OUTDIR
#
# CLOUDPI_PUBLISH_AOT=false packs the machine's package without Native AOT (a quick CI check of the packaging); a
# release never sets it.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
outdir=$1

case "$(uname -m)" in
  x86_64 | amd64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "$0: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
project="$root/src/CloudPI.Cli/CloudPI.Cli.csproj"

# Every package names the same two: this machine's and the fallback.
pack() {
  dotnet pack "$project" --configuration Release --output "$outdir" \
    -p:CloudPIToolRuntime="$rid" -p:ContinuousIntegrationBuild=true -warnaserror -nologo "$@"
}

# The pointer package alone (for a Native AOT tool, pack makes a per-machine package only when given a runtime).
pack -p:CloudPIToolAot=true
pack --runtime any
pack --runtime "$rid" -p:CloudPIToolAot="${CLOUDPI_PUBLISH_AOT:-true}"
