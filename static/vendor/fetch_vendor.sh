#!/usr/bin/env bash
# Re-creates static/vendor/ from the npm registry (run once by a maintainer;
# the app itself never fetches anything). Versions are the ones folium 0.20
# references in folium/folium.py and folium/plugins/marker_cluster.py, except
# where npm lacks that exact version (see README.md next to this script).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
pkgs=(leaflet@1.9.3 jquery@3.7.1 bootstrap@5.2.2 bootstrap@3.1.1
      leaflet.awesome-markers@2.0.4 @fortawesome/fontawesome-free@6.2.0
      leaflet.markercluster@1.1.0)
for p in "${pkgs[@]}"; do
  f="$(npm pack "$p" --silent | tail -1)"; d="x/${f%.tgz}"; mkdir -p "$d"; tar xzf "$f" -C "$d"
done
x="$tmp/x"
put() { mkdir -p "$here/$2"; cp "$1" "$here/$2/"; }

put "$x/leaflet-1.9.3/package/dist/leaflet.js" leaflet@1.9.3
put "$x/leaflet-1.9.3/package/dist/leaflet.css" leaflet@1.9.3
put "$x/leaflet-1.9.3/package/LICENSE" leaflet@1.9.3
mkdir -p "$here/leaflet@1.9.3/images"; cp "$x"/leaflet-1.9.3/package/dist/images/*.png "$here/leaflet@1.9.3/images/"

put "$x/jquery-3.7.1/package/dist/jquery.min.js" jquery@3.7.1
put "$x/jquery-3.7.1/package/LICENSE.txt" jquery@3.7.1

put "$x/bootstrap-5.2.2/package/dist/js/bootstrap.bundle.min.js" bootstrap@5.2.2/js
put "$x/bootstrap-5.2.2/package/dist/css/bootstrap.min.css" bootstrap@5.2.2/css
put "$x/bootstrap-5.2.2/package/LICENSE" bootstrap@5.2.2

# Glyphicons only (folium loads bootstrap-glyphicons.css 3.0.0, not on npm):
# the @font-face and .glyphicon rules cut out of bootstrap 3.1.1's CSS.
mkdir -p "$here/glyphicons@3.1.1/css" "$here/glyphicons@3.1.1/fonts"
cp "$x"/bootstrap-3.1.1/package/dist/fonts/* "$here/glyphicons@3.1.1/fonts/"
cp "$x/bootstrap-3.1.1/package/LICENSE" "$here/glyphicons@3.1.1/"
python3 - "$x/bootstrap-3.1.1/package/dist/css/bootstrap.css" \
  "$here/glyphicons@3.1.1/css/bootstrap-glyphicons.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"[^{}]*\{[^{}]*\}", css)
keep = [b.strip() for b in blocks
        if "Glyphicons Halflings" in b or re.match(r"\s*\.glyphicon[\w-]*(:before)?\s*\{", b)]
open(sys.argv[2], "w", encoding="utf-8").write(
    "/* Glyphicons rules from Bootstrap v3.1.1 (MIT, see ../LICENSE) */\n" + "\n".join(keep) + "\n")
PY

put "$x/leaflet.awesome-markers-2.0.4/package/dist/leaflet.awesome-markers.js" leaflet.awesome-markers@2.0.4
put "$x/leaflet.awesome-markers-2.0.4/package/dist/leaflet.awesome-markers.css" leaflet.awesome-markers@2.0.4
put "$x/leaflet.awesome-markers-2.0.4/package/LICENSE" leaflet.awesome-markers@2.0.4
mkdir -p "$here/leaflet.awesome-markers@2.0.4/images"
cp "$x"/leaflet.awesome-markers-2.0.4/package/dist/images/*.png "$here/leaflet.awesome-markers@2.0.4/images/"

fa="$x/fortawesome-fontawesome-free-6.2.0/package"
put "$fa/css/all.min.css" fontawesome-free@6.2.0/css
put "$fa/LICENSE.txt" fontawesome-free@6.2.0
mkdir -p "$here/fontawesome-free@6.2.0/webfonts"; cp "$fa"/webfonts/* "$here/fontawesome-free@6.2.0/webfonts/"

mc="$x/leaflet.markercluster-1.1.0/package"
put "$mc/dist/leaflet.markercluster.js" leaflet.markercluster@1.1.0
put "$mc/dist/MarkerCluster.css" leaflet.markercluster@1.1.0
put "$mc/dist/MarkerCluster.Default.css" leaflet.markercluster@1.1.0
put "$mc/MIT-LICENCE.txt" leaflet.markercluster@1.1.0
echo "vendored into $here"
