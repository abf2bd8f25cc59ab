"""Briefing files: the map picture once, then the deck and the PDF from the same content."""

from __future__ import annotations

from pathlib import Path

from pantau.briefing import images, pdf_doc, pptx_deck
from pantau.briefing.content import Briefing
from pantau.i18n import t

FORMATS = {".pptx": "pptx", ".pdf": "pdf"}
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def map_picture(briefing: Briefing) -> bytes | None:
    """The map slide's PNG (None without a map to draw, or when it cannot be rendered)."""
    panel = next((slide.map for slide in briefing.slides if slide.map is not None), None)
    if panel is None:
        return None
    return images.map_png(panel, briefing.lang, t("briefing.map.hidden", briefing.lang, k=briefing.k))


def render(briefing: Briefing, kind: str, map_png: bytes | None = None) -> bytes:
    """The 'pptx' or 'pdf' file; pass `map_png` to reuse a map already rendered."""
    picture = map_png if map_png is not None else map_picture(briefing)
    if kind == "pptx":
        return pptx_deck.build(briefing, picture)
    if kind == "pdf":
        return pdf_doc.build(briefing, picture)
    raise ValueError(f"unknown briefing format {kind!r}")


def kind_of(path: Path) -> str:
    """'pptx' or 'pdf' from a file name; ValueError for any other."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"{path.name}: the briefing is written as .pptx or .pdf") from None
