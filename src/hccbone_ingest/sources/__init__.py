"""Source adapters: one module per source kind (see base.py for the contract)."""

from .base import RawInput, SourceAdapter, make_doc_id
from .registry import adapters, pick_adapter, register, score_adapters

__all__ = ["RawInput", "SourceAdapter", "adapters", "make_doc_id", "pick_adapter", "register",
           "score_adapters"]
