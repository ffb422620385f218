"""The journal text parser (not an adapter: `sources/journal_text.py` is). See `assemble.py`."""
