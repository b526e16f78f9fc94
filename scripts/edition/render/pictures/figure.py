"""What every picture shares: its frame (an SVG with a name and a description for screen readers),
the shape that marks each register (shapes as well as colours, for readers who cannot tell the
colours apart), and short labels."""

from __future__ import annotations

from dataclasses import dataclass

from ...vocabulary import Register

# Each register's mark: a shape, and a colour class (the colours are in assets/edition.css, from the
# Okabe–Ito palette, with a variant for the dark scheme).
SHAPES = {Register.ACTOR: "circle", Register.EVENT: "diamond", Register.CONCEPT: "square", Register.PLACE: "triangle"}
SHAPE_OF = {str(r.value): shape for r, shape in SHAPES.items()}


@dataclass(frozen=True)
class Figure:
    """An SVG picture: its id (for its title and description), its size in user units, and its words."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    css: str = ""


def mark(register: str, x: float, y: float, r: float) -> str:
    """The SVG path of a register's shape centred on (x, y), r its half-size."""
    shape = SHAPE_OF.get(register, "circle")
    if shape == "diamond":
        return f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y:.1f}L{x:.1f} {y + r:.1f}L{x - r:.1f} {y:.1f}Z"
    if shape == "square":
        s = r * 0.85
        return f"M{x - s:.1f} {y - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}Z"
    if shape == "triangle":
        return f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y + r * 0.8:.1f}L{x - r:.1f} {y + r * 0.8:.1f}Z"
    return (f"M{x - r:.1f} {y:.1f}a{r:.1f} {r:.1f} 0 1 0 {2 * r:.1f} 0"
            f"a{r:.1f} {r:.1f} 0 1 0 {-2 * r:.1f} 0Z")


def short(text: str, length: int) -> str:
    """A label that fits: cut at a word, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > length // 2 else text[: length - 1]).rstrip(",;:–- ") + "…"
