"""Reference strings and DOIs."""
