"""A generated consensus camp at real size: the morning's statements sorted into the
issue-context table, with a camp's skew (DOMAIN.md: the busiest cells hold 30-40 notes).

No real transcripts: statements are put together from the kinds of things people say. Used by
the tests and the benchmarks, so both look at the same boards.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from pofacil.board import ops
from pofacil.board.ops import NoteSpec
from pofacil.board.session import Session

TABLE = "議題脈絡分析表"
CELLS = [
    "system/now",
    "system/future",
    "role/now",
    "role/future",
    "ministry/now",
    "ministry/future",
    "public/now",
    "public/future",
    "policy/now",
    "policy/future",
]
# Notes per cell out of 300: busiest 38, quietest 17; which cell is busiest is drawn.
SHARES = [38, 36, 34, 33, 31, 29, 28, 26, 28, 17]
SPEAKERS = ["王素琴", "陳怡君", "林志明", "張家豪", "李美玲", "黃建國", "吳佩珊", "匿名", ""]
KINDS = ["problem"] * 5 + ["solution"] * 3 + ["need", "obstacle", "idea"]
WHO = ["業務單位", "PO", "各部會", "第一線同仁", "民眾", "主管", "PDIS", "承辦人", "地方政府"]
WHAT = [
    "很忙，沒有時間參加協作會議",
    "需要PO交流平台",
    "不清楚PO的角色與權責",
    "希望有跨部會的支援",
    "公文語言太難懂，需要轉譯",
    "協作會議的結論沒有後續追蹤",
    "需要更多主持與紀錄的培訓",
    "經費被排擠",
    "資料無法共享",
    "希望議題能接地氣",
]
TAILS = [
    "",
    "",
    "",
    "，建議先試辦",
    "，三個月內檢討",
    "。例如 2025 年的 Join 提案，附議過 5,000 人後仍等了半年才有回應，民眾覺得不被重視",
]


@dataclass(frozen=True)
class Statement:
    text: str
    kind: str
    cell: str
    author: str


def counts(total: int, rng: random.Random) -> dict[str, int]:
    """How many of ``total`` notes each cell gets, with the camp's skew."""
    shares = SHARES[:]
    rng.shuffle(shares)
    exact = [total * s / sum(shares) for s in shares]
    out = [int(x) for x in exact]
    # Largest remainders first, so the counts add up to ``total``.
    for i in sorted(range(len(exact)), key=lambda i: exact[i] - out[i], reverse=True):
        if sum(out) == total:
            break
        out[i] += 1
    return dict(zip(CELLS, out, strict=True))


def statements(total: int = 300, seed: int = 300) -> list[Statement]:
    """The morning's statements in the order they were raised, cells interleaved."""
    rng = random.Random(seed)
    cells = [cell for cell, n in counts(total, rng).items() for _ in range(n)]
    rng.shuffle(cells)
    out = []
    for i, cell in enumerate(cells, start=1):
        text = f"{rng.choice(WHO)}{rng.choice(WHAT)}{rng.choice(TAILS)}（第{i}點）"
        out.append(Statement(text, rng.choice(KINDS), cell, rng.choice(SPEAKERS)))
    return out


def write_camp(path: Path, total: int = 300, seed: int = 300, actor: str = "tester") -> Path:
    """A workshop file whose issue-context table holds ``total`` generated statements, imported
    in one step (as `pofacil import` would) in the order they were raised."""
    session = Session.create(path, title="共識營", boards=[("issue-context", TABLE)], actor=actor)
    try:
        board = session.workshop.find_board(TABLE)
        specs = [
            NoteSpec(s.text, kind=s.kind, cell=s.cell, author=s.author)
            for s in statements(total, seed)
        ]
        if specs:
            session.do(ops.add_notes(session.workshop, board.id, specs, label="import"))
    finally:
        session.close()
    return path
