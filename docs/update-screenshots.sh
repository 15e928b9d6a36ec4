#!/usr/bin/env bash
# Copies the screenshots the user guides show from the last run of the browser tests (target/screenshots) into
# docs/images, so the guides show the screens as they are now. Run the browser tests first, e.g.
#   RECON_REQUIRE_BROWSER=true mvn verify
# and then this script from anywhere in the checkout; it names every image it could not find.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=0
for name in $(grep -ho 'images/[A-Za-z0-9._-]*\.png' docs/user-guide.*.md | sed 's#images/##' | sort -u); do
  if [ -f "target/screenshots/$name" ]; then
    cp "target/screenshots/$name" "docs/images/$name"
  else
    echo "not taken by the last test run: target/screenshots/$name" >&2
    missing=1
  fi
done
exit "$missing"
