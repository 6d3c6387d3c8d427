#!/usr/bin/env bash
# Regenerates the SUMO test networks and their demand under data/sumo/ (SUMO 1.15 from Debian:
# apt-get install sumo sumo-tools). Not part of the build: the files are committed, this only records how
# they were made. Every tool gets a fixed --seed, so the output is the same on every run of the same SUMO.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"
tools="$SUMO_HOME/tools"
end=1800   # seconds of demand: 30 min keeps each .rou.xml well under 2 MB

mk() { mkdir -p "$here/$1"; }

mk grid10
netgenerate --grid --grid.number 10 --grid.length 200 --default.lanenumber 2 --seed 1 \
  -o "$here/grid10/grid10.net.xml"
mk grid10-no-turnarounds
netgenerate --grid --grid.number 10 --grid.length 200 --default.lanenumber 2 --no-turnarounds --seed 1 \
  -o "$here/grid10-no-turnarounds/grid10-no-turnarounds.net.xml"
mk spider
netgenerate --spider --spider.arm-number 8 --spider.circle-number 6 --spider.space-radius 100 --seed 1 \
  -o "$here/spider/spider.net.xml"
mk rand
netgenerate --rand --rand.iterations 100 --default.lanenumber 2 --seed 1 -o "$here/rand/rand.net.xml"
mk hcmc-small
netconvert --osm-files "$here/../osm/hcmc-small/map.osm" --tls.guess-signals --junctions.join --seed 1 \
  -o "$here/hcmc-small/hcmc-small.net.xml"

for name in grid10 grid10-no-turnarounds spider rand hcmc-small; do
  d="$here/$name"
  python3 "$tools/randomTrips.py" -n "$d/$name.net.xml" -b 0 -e "$end" -p 0.36 --seed 42 \
    -o "$d/$name.trips.xml" >/dev/null
  duarouter -n "$d/$name.net.xml" --route-files "$d/$name.trips.xml" -o "$d/$name.rou.xml" --seed 42 \
    --ignore-errors --no-step-log --no-warnings >/dev/null
  rm -f "$d/$name.trips.xml" "$d/$name.rou.alt.xml"
done
