"""Enrichment steps run over parsed documents, in order (see base.py for the contract)."""

from __future__ import annotations

from .base import Step


def default_steps() -> list[Step]:
    """The pipeline's steps, in the order they run. Imports stay lazy: models load on first use."""
    from .alignment import AlignmentStep
    from .references import ReferencesStep
    from .sentences import SentenceStep
    from .terms import TermsStep

    steps: list[Step] = [ReferencesStep(), SentenceStep(), AlignmentStep(), TermsStep()]
    return steps


__all__ = ["Step", "default_steps"]
