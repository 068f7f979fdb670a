"""Hypothesis strategies for what arrives at the model's door from files, clipboards and
hands: numbers and texts chosen to break it (NaN, infinities, 1e308, huge integers, lone
surrogates, control characters, very long text), mixed with ordinary ones."""

from hypothesis import strategies as st

from pofacil.board.model.limits import COORD_MAX, TEXT_MAX, VOTES_MAX

HOSTILE_FLOATS = st.sampled_from(
    [
        float("nan"),
        float("inf"),
        float("-inf"),
        1e308,
        -1e308,
        1.7976931348623157e308,
        COORD_MAX + 0.5,
        -COORD_MAX - 1,
        1e16,
        5e-324,
        -0.0,
    ]
)
HUGE_INTS = st.sampled_from(
    [10**20, -(10**20), 2**63, 2**64 + 1, 10**400, -(10**5000)]
) | st.integers(min_value=int(COORD_MAX) + 1)
# Any number at all: what a crafted clipboard or a typo in a CSV can hold.
NUMBERS = (
    HOSTILE_FLOATS
    | HUGE_INTS
    | st.floats()
    | st.integers()
    | st.floats(-COORD_MAX, COORD_MAX, allow_nan=False)
)

CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(
    ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b"]
)
LONE_SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
LONG_TEXT = st.integers(TEXT_MAX - 2, TEXT_MAX + 50).map(lambda n: "長" * n)
# Text a spreadsheet would run: the formula characters, quotes before them, Chinese.
FORMULA_TEXT = st.sampled_from(
    [
        '=HYPERLINK("http://x","點我")',
        "=cmd|' /C calc'!A0",
        "+1",
        "-1",
        "@SUM(A1)",
        "'=1",
        "''",
        "'",
        "'a",
        "'\t",
        "開放政府",
        "「引號」",
        '"',
        ",",
    ]
)

# Every text a file or clipboard can carry, valid or not.
ANY_TEXT = (
    st.text(st.characters(blacklist_categories=()))
    | st.lists(CONTROL | LONE_SURROGATE | FORMULA_TEXT | st.characters(), max_size=12).map("".join)
    | LONG_TEXT
)
# Every text the model can hold: no lone surrogate, no NUL, at most TEXT_MAX characters,
# stripped and not empty (as the operations keep a note's text). Control characters and
# leading quotes included.
VALID_TEXT = (
    (
        st.lists(
            CONTROL.filter(lambda c: c != "\x00")
            | FORMULA_TEXT
            | st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
            min_size=1,
            max_size=20,
        ).map("".join)
        | st.integers(TEXT_MAX - 2, TEXT_MAX).map(lambda n: "長" * n)
    )
    .map(str.strip)
    .filter(bool)
)

COORDINATES = st.floats(-COORD_MAX, COORD_MAX, allow_nan=False)
VOTES = st.integers(0, VOTES_MAX)


def mostly(valid: st.SearchStrategy, hostile: st.SearchStrategy) -> st.SearchStrategy:
    """One hostile value in four, so that a spec of five fields is often wholly valid too."""
    return st.integers(0, 3).flatmap(lambda n: hostile if n == 0 else valid)
