"""Labels of the footer under every page (pantau/ui/footer.py) and the names of the three extracts."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "footer.freshness": ("data s.d.: {items}", "data up to: {items}"),
    "footer.freshness.item": ("{extract} {day}", "{extract} {day}"),
    "footer.no_data": ("belum ada", "none yet"),
    "footer.methodology_link": ("Tentang data ini", "About this data"),
    # In running text (the footer): lower case.
    "footer.extract.registrations": ("pendaftaran", "registrations"),
    "footer.extract.departures": ("keberangkatan", "departures"),
    "footer.extract.cases": ("kasus", "cases"),
    # As a heading or table value.
    "extract.registrations": ("Pendaftaran", "Registrations"),
    "extract.departures": ("Keberangkatan", "Departures"),
    "extract.cases": ("Kasus", "Cases"),
}
