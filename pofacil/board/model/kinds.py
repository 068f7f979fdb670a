"""Note kinds and the one palette used on the board, in the legend and in every export."""

from typing import NamedTuple


# A named tuple, not a dataclass: the kinds are read by `pofacil info`, which has no other use
# for the dataclasses module (20 ms to import). No `from __future__ import annotations` here:
# a named tuple compiles each field's annotation given as a string, 4 ms at every start.
class Kind(NamedTuple):
    """A kind of note: its id, its labels in both UI languages and its fill color."""

    id: str
    zh: str
    en: str
    color: str


# Yellow for problems and green for solutions are the colors used in the room (DOMAIN.md).
# The others are light enough for black text and far enough apart in hue to tell apart on a
# washed-out projector.
KINDS: tuple[Kind, ...] = (
    Kind("problem", "問題", "Problem", "#FFE45C"),
    Kind("solution", "解法", "Solution", "#7ED957"),
    Kind("obstacle", "風險與障礙", "Risk or obstacle", "#FF8A80"),
    Kind("overcome", "克服方法", "How to overcome", "#64B5F6"),
    Kind("owner", "負責單位", "Responsible unit", "#B39DDB"),
    Kind("vision", "願景", "Vision", "#FFB74D"),
    Kind("hope", "期待", "Hope", "#80DEEA"),
    Kind("fear", "擔憂", "Fear", "#BCAAA4"),
    Kind("need", "需求", "Need", "#F48FB1"),
    Kind("idea", "想法", "Idea", "#E0E0E0"),
)

KIND_BY_ID: dict[str, Kind] = {k.id: k for k in KINDS}
DEFAULT_KIND = "idea"

# What a link between two notes is: a branch of the mind map, or a free link.
LINK_KINDS = ("child", "link")


def kind_from_label(label: str) -> Kind | None:
    """The kind named by its id or by a label in either language (case-insensitive)."""
    wanted = label.strip().casefold()
    for kind in KINDS:
        if wanted in (kind.id, kind.zh.casefold(), kind.en.casefold()):
            return kind
    return None
