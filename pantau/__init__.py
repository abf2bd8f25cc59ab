"""Pantau PMI: linked migrant-worker placement, departure and case indicators."""
