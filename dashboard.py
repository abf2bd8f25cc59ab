"""Pantau PMI dashboard: `streamlit run dashboard.py`.

The entry point owns what every page shares: language, the sidebar filters (kept here, before
`pg.run()`, so they survive page changes), the URL, the demo banner and the footer. Pages read
the filters and language from st.session_state (pantau/ui/state.py).
"""

from __future__ import annotations

import streamlit as st

from pantau import access
from pantau.i18n import t
from pantau.ui import access as session_access
from pantau.ui import audit_events, banners, data, dataset, footer, present, sidebar, state, url

# (file, url path, label key, capability the page needs: pantau/access.py). Adding a page is one
# line here; a page the session's role lacks the capability for is not in the navigation at all.
# Page files live in app_pages/, not pages/: with a pages/ folder beside the entry point,
# Streamlit 1.67 wraps the app in its old multipage mode, and after the first widget change the
# rerun skips or mis-keys this file's sidebar (filters silently reset, lang becomes None).
PAGES = (
    ("app_pages/overview.py", "overview", "page.overview", access.VIEW),
    ("app_pages/departures.py", "departures", "page.departures", access.VIEW),
    ("app_pages/cases.py", "cases", "page.cases", access.VIEW),
    ("app_pages/regions.py", "regions", "page.regions", access.VIEW),
    ("app_pages/destinations.py", "destinations", "page.destinations", access.VIEW),
    ("app_pages/briefing.py", "briefing", "page.briefing", access.VIEW),
    ("app_pages/profile.py", "profile", "page.profile", access.VIEW),
    ("app_pages/methodology.py", "methodology", "page.methodology", access.VIEW),
    ("app_pages/data_quality.py", "data-quality", "page.data_quality", access.DATA_QUALITY),
    ("app_pages/upload.py", "upload", "page.upload", access.UPLOAD),
    ("app_pages/audit.py", "audit", "page.audit", access.AUDIT),
)

# No page_icon: a material-icon favicon is fetched from fonts.gstatic.com (the app must stay offline).
# Presentation mode (?mode=present, pantau/ui/present.py) is known first: it collapses the sidebar.
present.seed()
st.set_page_config(page_title=t("app.title"), layout="wide", initial_sidebar_state=present.sidebar_state())

lang = sidebar.language()
present.start_button(lang)
version = dataset.ensure(lang)
grant = session_access.resolve(version, lang)
audit_events.sign_in(grant, version)
session_access.sidebar_account(grant, lang)
period = data.data_period()
filters, notices = sidebar.filters(lang, period[1] if period else None, grant.scope)
url.write(filters, lang)
# Pages get the filters narrowed to the user's area; the URL keeps what the user chose.
filters = grant.scope.narrow(filters)
state.publish(filters, lang)

# The first page is the default, served at "/" (Streamlit reserves its url path but does not
# route it: /overview opens the overview behind a "page not found" notice).
navigation = st.navigation([
    st.Page(path, title=t(label, lang), url_path=path_name, default=i == 0)
    for i, (path, path_name, label, capability) in enumerate(PAGES) if grant.can(capability)
], position=present.navigation_position())
audit_events.navigated(navigation, PAGES, grant, version, filters, notices)
banners.demo_banner(version, lang)
session_access.banner(grant, lang)
banners.notices(notices, lang)
with present.page(navigation, filters, lang, period[1] if period else None):
    navigation.run()
footer.show(version, lang)
