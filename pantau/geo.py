"""Boundaries for the choropleth maps, from data/reference/geo (offline, no tiles)."""

from __future__ import annotations

from functools import cache

from pantau.reference import geojson


@cache
def provinces() -> dict:
    """All 38 provinces; each feature's id is its Kemendagri province code."""
    collection = geojson("provinces")
    return {
        "type": "FeatureCollection",
        "features": [{**f, "id": f["properties"]["province_code"]} for f in collection["features"]],
    }


@cache
def regencies(province_code: str) -> dict:
    """The regencies of one province; each feature's id is its Kemendagri regency code."""
    collection = geojson("regencies")
    return {
        "type": "FeatureCollection",
        "features": [
            {**f, "id": f["properties"]["regency_code"]}
            for f in collection["features"]
            if f["properties"]["province_code"] == province_code
        ],
    }


def _points(geometry: dict):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        for ring in polygon:
            yield from ring


def bounds(collection: dict) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of a feature collection, to centre and zoom a map."""
    lons, lats = [], []
    for feature in collection["features"]:
        for lon, lat in _points(feature["geometry"]):
            lons.append(lon)
            lats.append(lat)
    return min(lons), min(lats), max(lons), max(lats)
