"""What the navigation of an AppTest run offers: the page files st.navigation registered."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest


def nav_pages(at: AppTest) -> set[str]:
    """Page file names (e.g. "upload.py") in the navigation after the last run."""
    # AppTest keeps st.navigation's pages only in this private map (Streamlit 1.67); switch_page uses it.
    return {Path(info["script_path"]).name for info in at._registered_pages.values()}
