#!/bin/sh
# Fan-out over an AWS Organization: one PipelineRun of the example pipeline (dracon-cloudpi) per account, so each
# run syncs, produces and enriches one account's part of the shared Neo4j graph and Tekton runs them side by side.
# Dracon's consumers receive every run's results as usual, each scan tagged account:<id>.
#
#   deploy/tekton/fanout/pipelineruns.sh 111122223333 444455556666 | kubectl create -n dracon -f -
#   aws organizations list-accounts --query 'Accounts[?Status==`ACTIVE`].Id' --output text | tr '\t' '\n' \
#     | deploy/tekton/fanout/pipelineruns.sh - | kubectl create -n dracon -f -
#
# Options (before the ids): --role-name NAME, the role AWS Config is read through in each account (default
# cloudpi-awsconfig-read, deploy/iam/cloudpi-awsconfig-read.json); --regions LIST (default us-east-1).
# Each run reads AWS credentials for Cartography from the optional Secret cloudpi-aws-<id>; without it, the pod's
# identity (IRSA) must be able to read that account.
set -eu

role_name=cloudpi-awsconfig-read
regions=us-east-1
while [ $# -gt 0 ]; do
  case "$1" in
    --role-name) role_name=${2:?--role-name needs a value}; shift 2 ;;
    --regions) regions=${2:?--regions needs a value}; shift 2 ;;
    *) break ;;
  esac
done

if [ $# -eq 0 ]; then
  echo "usage: $0 [--role-name NAME] [--regions LIST] ACCOUNT_ID... | -  (ids on stdin)" >&2
  exit 2
fi

if [ "$1" = "-" ]; then
  accounts=$(cat)
else
  accounts=$*
fi

# Every id is checked before anything is printed, so a bad list creates no run at all.
for account in $accounts; do
  case "$account" in
    [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ;;
    *) echo "$0: '$account' is not a 12-digit AWS account id" >&2; exit 2 ;;
  esac
done

for account in $accounts; do
  cat <<YAML
---
apiVersion: tekton.dev/v1beta1
kind: PipelineRun
metadata:
  generateName: dracon-cloudpi-$account-
  labels:
    cloudpi.io/account: "$account"
spec:
  pipelineRef:
    name: dracon-cloudpi
  podTemplate:
    securityContext:
      fsGroup: 1654
      fsGroupChangePolicy: Always
  params:
  - name: base-scan-tags
    value: "account:$account"
  - name: source-cartography-sync-aws-credentials-secret
    value: "cloudpi-aws-$account"
  - name: source-cartography-sync-aws-regions
    value: "$regions"
  - name: producer-cloudpi-awsconfig-aws-role-arn
    value: "arn:aws:iam::$account:role/$role_name"
  - name: producer-cloudpi-awsconfig-aws-region
    value: "$regions"
  - name: producer-cloudpi-cartography-accounts
    value: "$account"
  - name: enricher-cloudpi-reachability-accounts
    value: "$account"
  - name: enricher-cloudpi-exploitability-accounts
    value: "$account"
  - name: producer-cloudpi-pulumi-soft-fail
    value: "true"
  workspaces:
  - name: output
    volumeClaimTemplate:
      spec:
        accessModes:
        - ReadWriteOnce
        resources:
          requests:
            storage: 1Gi
YAML
done
