"""Helpers shared by the HTML journal adapters (journal_magtech, journal_generic).

A subpackage whose name starts with `_`, so the adapter registry does not import it as an
adapter. One module per job: `dom` (parsing, clutter removal, visible text), `meta` and
`meta_layer` (meta tags), `schema_org` (JSON-LD and microdata), `magtech_json` (Vue layout),
`magtech_dom` (table and panel layouts, the related tab), `etiller_dom` (E-Tiller front_table),
`blocks` (generic block classification), `text_layer` (the text adapter as last resort),
`values` (the checks every value passes), `layer` (evidence layers and their merge with
provenance), `build` (the final document).
"""
