"""Pictures of the corpus, drawn at build time as SVG: the timeline as a chart, where an entry is
discussed (a strip per source), the entries an entry appears with and how the most mentioned entries
connect (graphs laid out by NetworkX), and each source's profile. Each module computes a picture's
geometry into a view; templates/pictures.html.j2 draws it."""

from .chart import Chart, source_chart, timeline_charts
from .profile import Profile, source_profile
from .relations import Graph, corpus, neighbourhood
from .strips import Strips, discussed, positions

__all__ = ["Chart", "Graph", "Profile", "Strips", "corpus", "discussed", "neighbourhood", "positions",
           "source_chart", "source_profile", "timeline_charts"]
