"""Cite: references to each source in six styles (through citeproc-js and the official CSL
styles), and BibTeX, RIS and CSL-JSON files for reference managers."""

from .csl import STYLES, csl_item, edition_item
from .formats import bibtex, ris
from .processor import format_references

__all__ = ["STYLES", "bibtex", "csl_item", "edition_item", "format_references", "ris"]
