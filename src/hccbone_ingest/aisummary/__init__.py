"""AI-summary pages (Dr.Oracle): page model, citation markers, text and HTML layouts.

The flow of a page: a layout module (`text_layout`, `html_layout`) turns the raw page into
`Block`s; `page.assemble` strips the chrome and reads title, date, review state and
disclaimer; `claims.build_claims` turns content blocks into `Claim` records, splitting
citation markers off with `markers`. The adapter in `sources/ai_summary.py` glues them.
"""
