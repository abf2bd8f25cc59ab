"""Page-specific labels, one module per page, each with `LABELS: dict[str, tuple[id, en]]`.

pantau/i18n.py merges them with the shared labels; a key defined twice is an error at import.
"""
