"""The registry: curated entries of the four registers (actors, events, concepts, places)."""

from .load import check_evidence, load_registry
from .model import REGISTER_TITLES, REGISTERS, Alias, Entry, Registry

__all__ = ["REGISTERS", "REGISTER_TITLES", "Alias", "Entry", "Registry", "check_evidence", "load_registry"]
