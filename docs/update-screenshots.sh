#!/usr/bin/env bash
# Copies the screenshots the user guides show from the last run of the browser tests (target/screenshots) into
# docs/images, so that the guides show the screens as they are now. First run the browser tests, e.g.
#
#   mvn -o -q test-compile
#   RECON_REQUIRE_BROWSER=true mvn -o failsafe:integration-test@default failsafe:verify -Dit.test='*BrowserIT'
#
# then this script, from anywhere in the checkout. It copies nothing unless every image the guides name is there
# (it names the missing ones), and it deletes the images in docs/images that no guide shows any more.
set -euo pipefail
cd "$(dirname "$0")/.."

guides=(docs/user-guide.zh.md docs/user-guide.en.md)
names=$(grep -ho 'images/[A-Za-z0-9._-]*\.png' "${guides[@]}" | sed 's#^images/##' | sort -u)
if [ -z "$names" ]; then
  echo "update-screenshots: the guides name no images/*.png" >&2
  exit 1
fi

missing=0
for name in $names; do
  if [ ! -f "target/screenshots/$name" ]; then
    echo "update-screenshots: target/screenshots/$name is missing: run the browser test that takes it" >&2
    missing=1
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "update-screenshots: nothing copied" >&2
  exit 1
fi

mkdir -p docs/images
count=0
for name in $names; do
  cp "target/screenshots/$name" "docs/images/$name"
  count=$((count + 1))
done
for file in docs/images/*.png; do
  if ! grep -qxF "$(basename "$file")" <<<"$names"; then
    rm "$file"
    echo "update-screenshots: removed $file (no guide shows it)"
  fi
done
echo "update-screenshots: copied $count images into docs/images"
