"""The coordination-meeting briefing: its content from the queries, then a PPTX deck and a PDF of it.

content.py turns the dashboard's own queries (queries/*.sql through pantau.queries) into slides of
figures, already suppressed (pantau/disclosure.py) and in one language; pptx_deck.py and pdf_doc.py
lay out the same slides, images.py draws the map and the PDF's charts. No Streamlit here.
"""
