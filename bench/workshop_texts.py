"""Note texts for the benchmarks: what people write on the day, in Traditional Chinese.

Shared by bench/board_bench.py and bench/export_bench.py so both measure the same boards.
"""

from __future__ import annotations

import random

# Texts as people write them on the day .
PLACES = ["", "", "", "北區", "南區", "山區", "本市", "偏鄉", "各區"]
WHO = [
    "業務單位",
    "資訊室",
    "長照個案",
    "第一線同仁",
    "里長",
    "志工團隊",
    "社福中心",
    "申請民眾",
    "偏鄉學校",
    "窗口人員",
    "主管機關",
    "承辦人",
    "居服員",
    "新住民家庭",
    "青年創業者",
    "公車路線",
    "圖書館",
    "衛生所",
    "市場攤商",
    "跨局處會議",
    "數位落差長輩",
    "身障朋友",
]
WHAT = [
    "人力不足",
    "表單太多",
    "流程重複",
    "資料無法共享",
    "經費被排擠",
    "溝通管道不暢",
    "缺少培訓",
    "系統常當機",
    "交通不便",
    "宣導不夠",
    "需要更多時間",
    "找不到窗口",
    "回覆太慢",
    "缺乏數據",
    "工作量過重",
    "夜間沒有服務",
    "排隊時間過長",
    "規定互相矛盾",
    "看不懂公文",
    "預約額滿",
]
HOW = [
    "",
    "",
    "，建議先試辦",
    "，希望明年改善",
    "，可以線上辦理",
    "，請上級協助",
    "？",
    "，需要跨單位合作",
    "，影響民眾權益",
    "，三個月內檢討",
    "，可參考 Taipei 作法",
]
AUTHORS = ["王素琴", "林志明", "陳怡君", "張家豪", "李淑芬", "黃建國", "吳佩珊", "劉俊傑", ""]
KINDS = ["problem", "problem", "solution", "obstacle", "need", "idea"]
CLUSTER_NAMES = ["人力", "流程", "資訊系統", "經費", "溝通", "交通", "培訓", "服務時間"]


def make_text(rng: random.Random) -> str:
    while True:
        text = rng.choice(PLACES) + rng.choice(WHO) + rng.choice(WHAT) + rng.choice(HOW)
        if 6 <= len(text) <= 22:
            return text
