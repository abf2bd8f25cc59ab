from pantau import geo


def test_every_province_and_regency_has_a_shape_keyed_by_its_code():
    provinces = geo.provinces()
    assert len(provinces["features"]) == 38
    assert {f["id"] for f in provinces["features"]} >= {"32", "91", "96"}
    west_java = geo.regencies("32")
    assert len(west_java["features"]) == 27 and all(f["id"].startswith("32") for f in west_java["features"])


def test_bounds_of_west_java_lie_in_west_java():
    min_lon, min_lat, max_lon, max_lat = geo.bounds(geo.regencies("32"))
    assert 105.9 < min_lon < 106.5 and 108.5 < max_lon < 109.0
    assert -8.0 < min_lat < -7.5 and -6.0 < max_lat < -5.5
