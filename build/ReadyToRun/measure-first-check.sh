#!/usr/bin/env bash
# Fresh-process first check of the 8-file shared corpus, IL-only package vs ReadyToRun package, in one run.
# Usage: measure-first-check.sh FEED_IL FEED_R2R [RUNS] [CORPUS]
#   FEED_*: folders holding a packed MetaIssue.Build .nupkg (same version is fine: each arm has its own NuGet cache).
# Each arm is a one-class library with the package and the corpus under docs/meta-issues/. Every run deletes the
# check's cache (obj/metaissue) so the task really checks, then runs `dotnet msbuild` in a fresh process
# (no node reuse, no MSBuild server) and reads the CheckMetaIssues task time from -clp:PerformanceSummary.
# Arms alternate; prints every run and the medians in milliseconds.
set -euo pipefail
feed_il=$(realpath "$1"); feed_r2r=$(realpath "$2"); runs=${3:-9}
corpus=$(realpath "${4:-/work/shared/corpus/kg-example-performance-saga}")
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/metaissue-r2r.XXXXXX)
version=$(basename "$(ls "$feed_il"/MetaIssue.Build.*.nupkg | grep -v snupkg | head -1)" .nupkg); version=${version#MetaIssue.Build.}

setup() { # arm feed
  local dir=$work/$1
  mkdir -p "$dir/docs/meta-issues"
  cp -r "$corpus" "$dir/docs/meta-issues/performance-saga"
  cat > "$dir/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$2" /></packageSources></configuration>
XML
  cat > "$dir/x.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="MetaIssue.Build" Version="$version" PrivateAssets="all" /></ItemGroup>
</Project>
XML
  echo 'namespace X; public static class Y { }' > "$dir/Y.cs"
  (cd "$dir" && NUGET_PACKAGES=$dir/.packages dotnet build x.csproj -nologo -v:q > "$dir/warmup.log" 2>&1) || { cat "$dir/warmup.log"; exit 1; }
}

one() { # arm -> "task_ms wall_ms"
  local dir=$work/$1
  rm -rf "$dir/obj/metaissue"
  local start=$(date +%s%N)
  (cd "$dir" && NUGET_PACKAGES=$dir/.packages dotnet msbuild x.csproj -nologo -clp:PerformanceSummary -v:m > "$dir/run.log" 2>&1) || true
  local end=$(date +%s%N)
  local task=$(grep -E '^\s+[0-9]+ ms\s+CheckMetaIssues\s' "$dir/run.log" | awk '{print $1}')
  echo "${task:-NA} $(( (end - start) / 1000000 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

setup il "$feed_il"; setup r2r "$feed_r2r"
: > "$work/il.tsv"; : > "$work/r2r.tsv"
for i in $(seq 1 "$runs"); do
  for arm in $( ((i % 2)) && echo "il r2r" || echo "r2r il"); do
    r=$(one $arm); echo "$r" >> "$work/$arm.tsv"; echo "run $i $arm: task/wall ms $r"
  done
done
for arm in il r2r; do
  echo "$arm median: CheckMetaIssues $(cut -d' ' -f1 "$work/$arm.tsv" | median) ms, whole dotnet msbuild $(cut -d' ' -f2 "$work/$arm.tsv" | median) ms"
done
grep -c 'warning MI' "$work/il/run.log" "$work/r2r/run.log" || true
echo "work folder: $work"
