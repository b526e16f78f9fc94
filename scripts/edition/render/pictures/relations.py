"""How entries connect: the entries an entry most often shares paragraphs with (on its page), and
the corpus's most mentioned entries with the paragraphs they share (a page of its own). An edge's
weight is the number of paragraphs the two share. NetworkX lays the graphs out at build time."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace
from itertools import combinations

import networkx as nx
import numpy as np

from ...index import EntryIndex, Index, sort_key
from ...registry import Entry
from ...urls import Here
from ...vocabulary import Register
from .figure import Figure, mark, short

NEIGHBOURS = 8  # entries drawn around an entry
WEAK_EDGES = 8  # lines drawn between those entries (the pairs that share most paragraphs, two or more)
PER_REGISTER = 12  # entries of each register in the corpus graph
EDGES_PER_NODE = 3  # a node's strongest edges kept in the corpus graph (the rest would hide them)


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    register: str
    shape: str  # the SVG path of its mark
    label: str
    label_x: float
    label_y: float
    align: str  # text-anchor of its label
    box_x: float  # the box around its label, about (the link's target)
    box_w: float
    url: str
    tip: str  # what a pointer shows


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    registers: str  # the registers at its two ends (for the filter)
    tip: str
    weak: bool = False  # between two neighbours, not to the entry itself

    @property
    def d(self) -> str:
        """The line as an SVG path (one attribute to write, not four)."""
        return f"M{self.x1} {self.y1}L{self.x2} {self.y2}"


@dataclass(frozen=True)
class Graph:
    figure: Figure
    nodes: list[Node]
    edges: list[Edge]
    pairs: list[tuple[str, str, int]] = field(default_factory=list)  # the lines: two entry ids, paragraphs shared


def neighbourhood(item: EntryIndex, index: Index, here: Here, together: list[tuple[str, int]]) -> Graph | None:
    """The entry in the middle, the entries it shares most paragraphs with around it (`together`, in the
    order its page lists them: the strongest at the top, then clockwise), and the pairs of them that share
    most paragraphs as fainter lines."""
    entries = index.registry.entries
    top = together[:NEIGHBOURS]
    if not top:
        return None
    centre = item.entry.id
    ring = [o for o, _ in top]
    width, height = 640, 300
    points = dict(zip([centre, *ring], ring_points(len(ring), width, height), strict=True))
    place = points.__getitem__
    among = [(a, b, index.entries[a].cooccurring.get(b, 0)) for a, b in combinations(ring, 2)]
    among = [t for t in sorted(among, key=lambda t: -t[2])[:WEAK_EDGES] if t[2] >= 2]
    heaviest, heaviest_among = top[0][1], max((w for _a, _b, w in among), default=1)
    nodes = [_node(item.entry, *place(centre), here, f"{item.entry.name} ({item.entry.register}, "
                   f"{item.entry.kind})", centre=True, mid_x=width / 2)]
    nodes += [_node(entries[n], *place(n), here, f"{entries[n].name} ({entries[n].register}, {entries[n].kind}): "
                    f"{shared} paragraphs shared", mid_x=width / 2) for n, shared in top]
    edges = [_edge(place(a), place(b), w, heaviest_among, entries[a], entries[b], weak=True, widest=1.6)
             for a, b, w in among]
    edges += [_edge(place(centre), place(n), w, heaviest, item.entry, entries[n]) for n, w in top]
    name = item.entry.name
    desc = (f"{name} in the middle; around it the {len(ring)} entries it shares most paragraphs with, the strongest "
            f"at the top and the others clockwise; a thicker line, more paragraphs shared. Each links to its page; "
            f"the list above gives the same with the counts.")
    return Graph(Figure(f"together-{item.entry.id}", f"Entries that appear with {short(name, 60)}", desc, width,
                        height), nodes, edges)


@functools.cache
def ring_points(n: int, width: int, height: int) -> list[tuple[float, float]]:
    """The centre and a ring of n, in the picture's units."""
    layout = {"centre": (0.0, 0.0)} | dict(enumerate(ring_layout(n)))
    place = _placer(layout, width, height, margin_x=150, margin_y=30)
    return [place("centre"), *(place(k) for k in range(n))]


@functools.cache
def ring_layout(n: int) -> list[tuple[float, float]]:
    """Where the n entries around an entry go (the same for every entry with n: laid out once), the
    strongest at the top and the others clockwise. A shell goes anticlockwise, so the ring is given
    reversed, and then turned so that its first entry is at the top."""
    order = [0, *range(n - 1, 0, -1)]
    layout = nx.shell_layout(nx.star_graph(n), nlist=[[n], order])
    turn = math.pi / 2 - math.atan2(float(layout[0][1]), float(layout[0][0]))
    cos, sin = math.cos(turn), math.sin(turn)
    points = [(float(layout[i][0]), float(layout[i][1])) for i in range(n)]
    return [(x * cos - y * sin, x * sin + y * cos) for x, y in points]


def corpus(index: Index, here: Here) -> Graph:
    """The most mentioned entries of each register and the paragraphs they share (each entry's strongest
    links), laid out by force (NetworkX's ForceAtlas2, seeded: the same every build; hubs kept from the
    middle, so that the names around them can be read)."""
    chosen: list[EntryIndex] = []
    for register in Register:
        ranked = sorted((e for e in index.entries.values() if e.entry.register == register and e.count),
                        key=lambda e: (-e.count, e.entry.id))
        chosen += ranked[:PER_REGISTER]
    ids = {e.entry.id for e in chosen}
    counts = {e.entry.id: e.count for e in chosen}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(ids))  # in a fixed order: the layout depends on it
    for e in chosen:
        strongest = sorted(((o, n) for o, n in e.cooccurring.items() if o in ids), key=lambda kv: (-kv[1], kv[0]))
        for other, shared in strongest[:EDGES_PER_NODE]:
            graph.add_edge(e.entry.id, other, weight=shared)
    for a, b, w in graph.edges(data="weight"):
        graph[a][b]["pull"] = math.log2(1 + w)  # a pair of a hundred paragraphs must not crush the rest together
    if not ids:
        return Graph(Figure("relations", "How the most mentioned entries connect", "No entry is mentioned yet.",
                            1000, 40, "pic-corpus"), [], [])
    with np.errstate(invalid="ignore", divide="ignore"):  # its own distance of a node to itself is 0
        layout = nx.forceatlas2_layout(graph, max_iter=300, seed=7, weight="pull", linlog=True, scaling_ratio=4.0,
                                       node_size={n: 1 + math.log2(1 + counts[n]) for n in ids},
                                       distributed_action=True)
    width, height = 1000, 760
    place = _placer(layout, width, height, margin_x=150, margin_y=30)
    entries = index.registry.entries
    heaviest = max((w for _, _, w in graph.edges(data="weight")), default=1)
    nodes = [_node(entries[n], *place(n), here, f"{entries[n].name} ({entries[n].register}, {entries[n].kind}): "
                   f"{counts[n]} mentions", size=3 + 1.5 * math.log2(1 + counts[n]), mid_x=width / 2)
             for n in sorted(graph.nodes)]
    nodes = unclutter(nodes)
    edges = [_edge(place(a), place(b), w, heaviest, entries[a], entries[b]) for a, b, w in graph.edges(data="weight")]
    total = sum(1 for e in index.entries.values() if e.count)
    desc = (f"The {len(ids)} entries mentioned most ({PER_REGISTER} of each register, of {total} entries mentioned), "
            f"each a mark by register (actors circles, events diamonds, concepts squares, places triangles) sized by "
            f"its mentions; a line joins two that share paragraphs, thicker for more (each entry's {EDGES_PER_NODE} "
            f"strongest). Entries that appear together are drawn near each other. The table below lists the pairs.")
    pairs = sorted(((a, b, w) if sort_key(entries[a].name) <= sort_key(entries[b].name) else (b, a, w)
                    for a, b, w in graph.edges(data="weight")), key=lambda t: (-t[2], sort_key(entries[t[0]].name)))
    return Graph(Figure("relations", "How the most mentioned entries connect", desc, width, height, "pic-corpus"),
                 nodes, sorted(edges, key=lambda e: e.width), pairs)


def _placer(layout: dict[str, object], width: int, height: int, margin_x: int, margin_y: int):
    xs = [float(p[0]) for p in layout.values()]  # type: ignore[index]
    ys = [float(p[1]) for p in layout.values()]  # type: ignore[index]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def place(node: str) -> tuple[float, float]:
        x, y = (float(v) for v in layout[node])  # type: ignore[attr-defined]
        fx = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        fy = (y1 - y) / (y1 - y0) if y1 > y0 else 0.5  # up is up
        return round(margin_x + fx * (width - 2 * margin_x), 1), round(margin_y + fy * (height - 2 * margin_y), 1)

    return place


def _node(entry: Entry, x: float, y: float, here: Here, tip: str, size: float = 7, centre: bool = False,
          mid_x: float = 0) -> Node:
    size = 10 if centre else size
    if centre:
        lx, ly, align = x, y + size + 14, "middle"
    elif x >= mid_x:
        lx, ly, align = x + size + 5, y + 4, "start"
    else:
        lx, ly, align = x - size - 5, y + 4, "end"
    label = short(entry.name, 28)
    box_w = round(LABEL_CHAR * len(label), 1)
    box_x = round(lx - (box_w if align == "end" else box_w / 2 if align == "middle" else 0), 1)
    return Node(x, y, entry.register, mark(entry.register, x, y, size), label, lx, ly, align, box_x, box_w,
                here.to(entry.url), tip)


def _edge(a: tuple[float, float], b: tuple[float, float], weight: int, heaviest: int, ea: Entry, eb: Entry,
          weak: bool = False, widest: float = 5.0) -> Edge:
    return Edge(a[0], a[1], b[0], b[1], round(0.8 + (widest - 0.8) * weight / heaviest, 1),
                f"{ea.register} {eb.register}", f"{ea.name} and {eb.name}: {weight} paragraphs shared", weak)


LABEL_CHAR = 6.5  # the width of a label's character, about
LABEL_LINE = 13


def unclutter(nodes: list[Node]) -> list[Node]:
    """Labels that would print over one another are moved down a line at a time (up to four), in the
    order of the nodes from the top; the marks stay where the layout put them."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for n in sorted(nodes, key=lambda n: (n.label_y, n.label_x)):
        width = LABEL_CHAR * len(n.label)
        x0 = n.label_x - (width if n.align == "end" else width / 2 if n.align == "middle" else 0)
        y = n.label_y
        for _ in range(4):
            if not any(x0 < bx1 and bx0 < x0 + width and abs(y - by) < LABEL_LINE for bx0, bx1, by, _w in placed):
                break
            y += LABEL_LINE
        placed.append((x0, x0 + width, y, width))
        out.append(replace(n, label_y=round(y, 1), box_x=round(x0, 1), box_w=round(width, 1)))
    return out
