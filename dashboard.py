"""Pantau PMI dashboard: `streamlit run dashboard.py`.

The entry point owns what every page shares: language, the sidebar filters (kept here, before
`pg.run()`, so they survive page changes), the URL, the demo banner and the footer. Pages read
the filters and language from st.session_state (pantau/ui/state.py).
"""

from __future__ import annotations

import streamlit as st

from pantau.i18n import t
from pantau.ui import banners, data, dataset, footer, present, sidebar, state, url

# (file, url path, label key). Adding a page is one line here.
# Page files live in app_pages/, not pages/: with a pages/ folder beside the entry point,
# Streamlit 1.67 wraps the app in its old multipage mode, and after the first widget change the
# rerun skips or mis-keys this file's sidebar (filters silently reset, lang becomes None).
PAGES = (
    ("app_pages/overview.py", "overview", "page.overview"),
    ("app_pages/departures.py", "departures", "page.departures"),
    ("app_pages/cases.py", "cases", "page.cases"),
    ("app_pages/regions.py", "regions", "page.regions"),
    ("app_pages/destinations.py", "destinations", "page.destinations"),
    ("app_pages/briefing.py", "briefing", "page.briefing"),
    ("app_pages/profile.py", "profile", "page.profile"),
    ("app_pages/methodology.py", "methodology", "page.methodology"),
    ("app_pages/upload.py", "upload", "page.upload"),
)

# No page_icon: a material-icon favicon is fetched from fonts.gstatic.com (the app must stay offline).
# Presentation mode (?mode=present, pantau/ui/present.py) is known first: it collapses the sidebar.
present.seed()
st.set_page_config(page_title=t("app.title"), layout="wide", initial_sidebar_state=present.sidebar_state())

lang = sidebar.language()
present.start_button(lang)
version = dataset.ensure(lang)
period = data.data_period()
filters, notices = sidebar.filters(lang, period[1] if period else None)
state.publish(filters, lang)
url.write(filters, lang)

# The first page is the default, served at "/" (Streamlit reserves its url path but does not
# route it: /overview opens the overview behind a "page not found" notice).
navigation = st.navigation([
    st.Page(path, title=t(label, lang), url_path=path_name, default=i == 0)
    for i, (path, path_name, label) in enumerate(PAGES)
], position=present.navigation_position())
banners.demo_banner(version, lang)
banners.notices(notices, lang)
with present.page(navigation, filters, lang, period[1] if period else None):
    navigation.run()
footer.show(version, lang)
