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
mk spider-no-centre
# The same without its centre junction (netgenerate warns that spider networks with many arms should use it):
# with it, netconvert leaves the 8-arm centre unregulated (its 64 links get no right of way), and SUMO's
# vehicles cross it without giving way (12 collisions under the light demand below).
netgenerate --spider --spider.arm-number 8 --spider.circle-number 6 --spider.space-radius 100 --spider.omit-center \
  --seed 1 -o "$here/spider-no-centre/spider-no-centre.net.xml"
mk rand
netgenerate --rand --rand.iterations 100 --default.lanenumber 2 --seed 1 -o "$here/rand/rand.net.xml"
mk hcmc-small
netconvert --osm-files "$here/../osm/hcmc-small/map.osm" --tls.guess-signals --junctions.join --seed 1 \
  -o "$here/hcmc-small/hcmc-small.net.xml"

# Two demands per network: NAME.rou.xml, a trip every 0.36 s (the issue's, which locks rand, spider and
# hcmc-small up in both simulators), and NAME.light.rou.xml, a trip a second, which SUMO runs to the end on
# every network without a teleport (the parity that gridlock's chaos cannot blur).
route() { # name period suffix
  local d="$here/$1"
  python3 "$tools/randomTrips.py" -n "$d/$1.net.xml" -b 0 -e "$end" -p "$2" --seed 42 \
    -o "$d/$1.trips.xml" >/dev/null
  duarouter -n "$d/$1.net.xml" --route-files "$d/$1.trips.xml" -o "$d/$1$3.rou.xml" --seed 42 \
    --ignore-errors --no-step-log --no-warnings >/dev/null
  rm -f "$d/$1.trips.xml" "$d/$1$3.rou.alt.xml"
}
for name in grid10 grid10-no-turnarounds spider spider-no-centre rand hcmc-small; do
  route "$name" 0.36 ""
  route "$name" 1.0 ".light"
done
