#!/usr/bin/env python3
"""Makes country_outlines.csv, the base map of the notebooks' compound map, from Natural Earth's
1:50m country outlines as the npm package world-atlas 2.0.2 ships them (TopoJSON, countries-50m.json).

A one-time step, not part of the build: the derived file is committed, so no build, test or notebook
downloads anything.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 data/reference/country_outlines.py package/countries-50m.json > data/reference/country_outlines.csv

Only South-East Asia and its neighbours are kept (the countries the compound map can show); each
outline is written point by point, longitude and latitude in degrees rounded to 0.01 (about 1 km,
finer than a map of the region can show).
"""
import csv
import json
import sys

# ISO 3166-1 numeric code (world-atlas's id) -> alpha-3: the region and the countries around it.
KEEP = {
    "116": "KHM", "418": "LAO", "104": "MMR", "764": "THA", "704": "VNM", "458": "MYS", "360": "IDN",
    "608": "PHL", "702": "SGP", "096": "BRN", "626": "TLS", "156": "CHN", "158": "TWN", "356": "IND",
    "050": "BGD", "064": "BTN", "524": "NPL", "598": "PNG",
}


def decode_arcs(topo):
    """The arcs as absolute longitude/latitude points: TopoJSON stores them quantised and delta-encoded."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """A ring from its arcs; a negative index is the arc reversed (~i), and consecutive arcs share an end point."""
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def main(path):
    topo = json.load(open(path, encoding="utf-8"))
    arcs = decode_arcs(topo)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["alpha3", "polygon", "ring", "lon", "lat"])
    for geometry in topo["objects"]["countries"]["geometries"]:
        alpha3 = KEEP.get(geometry.get("id"))
        if alpha3 is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for p, polygon in enumerate(polygons):
            for r, indexes in enumerate(polygon):
                last = None
                for lon, lat in ring(arcs, indexes):
                    point = (round(lon, 2), round(lat, 2))
                    if point != last:
                        out.writerow([alpha3, p, r, f"{point[0]:.2f}", f"{point[1]:.2f}"])
                    last = point


if __name__ == "__main__":
    main(sys.argv[1])
