#!/usr/bin/env bash
# Regenerates the bundled sample from the generator (run after changing the generator; the
# BundledSampleTest fails until the committed bundle matches the generator again).
# Usage: sample-data/make-bundle.sh   (after ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
java -jar app/target/workbench.jar generate-sample -o "$tmp" -q
res=sample-data/src/main/resources/in/workbench/sample/bundled
truth=sample-data/src/test/resources/in/workbench/sample/bundled-truth
rm -rf "$res" "$truth"
mkdir -p "$res/images" "$truth"
for f in package_types catalog addresses shipments; do gzip -n -9 -c "$tmp/$f.csv" > "$res/$f.csv.gz"; done
cp "$tmp"/images/*.png "$res/images/"
(cd "$tmp/images" && ls -1 *.png) > "$res/images.txt"
for f in "$tmp"/truth/*.csv; do gzip -n -9 -c "$f" > "$truth/$(basename "$f").gz"; done
(cd "$tmp" && sha256sum package_types.csv catalog.csv addresses.csv shipments.csv truth/*.csv) > "$res/manifest.sha256"
rm -rf "$tmp"
du -sh "$res" "$truth"
