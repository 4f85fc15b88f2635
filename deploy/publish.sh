#!/bin/sh
# The one publish command for CloudPI's component executables. Dockerfile.producer and Dockerfile.enricher run this
# script; tests/CloudPI.Deploy.Tests checks they do and runs it, so the images and CI build the same way.
#
#   deploy/publish.sh COMPONENT OUTDIR [RID]
#
# COMPONENT: cloudpi-producer-awsconfig | cloudpi-producer-cartography | cloudpi-producer-pulumi |
#            cloudpi-enricher-reachability | cloudpi-enricher-exploitability
# OUTDIR:    where the binary OUTDIR/COMPONENT is written.
# RID:       linux-x64 or linux-arm64 (default: this machine's).
# CLOUDPI_PUBLISH_AOT=false publishes the same project with the same flags but without Native AOT (a framework-
# dependent build, for a quick CI check); images never set it.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 COMPONENT OUTDIR [RID]" >&2
  exit 2
fi
component=$1
outdir=$2

case "$component" in
  cloudpi-producer-awsconfig)      project=CloudPI.Producer.AwsConfig ;;
  cloudpi-producer-cartography)    project=CloudPI.Producer.Cartography ;;
  cloudpi-producer-pulumi)         project=CloudPI.Producer.Pulumi ;;
  cloudpi-enricher-reachability)   project=CloudPI.Enricher.Reachability ;;
  cloudpi-enricher-exploitability) project=CloudPI.Enricher.Exploitability ;;
  *) echo "$0: unknown component '$component'" >&2; exit 2 ;;
esac

if [ $# -eq 3 ]; then
  rid=$3
else
  case "$(uname -m)" in
    x86_64 | amd64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) echo "$0: unsupported machine $(uname -m); pass RID" >&2; exit 2 ;;
  esac
fi

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

exec dotnet publish "$root/src/$project/$project.csproj" \
  --configuration Release \
  --runtime "$rid" \
  --output "$outdir" \
  -p:PublishAot="${CLOUDPI_PUBLISH_AOT:-true}" \
  -p:ContinuousIntegrationBuild=true \
  -warnaserror \
  -nologo
