"""Words around a figure that change the measure it is read as, in FDI and trade reports.

Each is a regular expression read by extract_indicators, with the published sentence that
called for it.
"""

from __future__ import annotations

import re

# "US$20 million (equivalent to VND478.8 billion)": the same amount in another currency
EQUIVALENT = re.compile(
    r"\s*(?:[(（]|,?\s*(?:tương đương|equivalent to|or)\b)\s*(?:approximately|about|around|"
    r"nearly|over|khoảng|xấp xỉ|gần|hơn|equivalent to|tương đương)?\s*$",
    re.I,
)
IN_NUMBER = re.compile(r"\s*(?:in (?:the )?number|về số)", re.I)
IN_VALUE = re.compile(r"\s*(?:in value|về (?:giá trị|vốn))", re.I)
PROJECTS_AFTER = re.compile(r"\s*(?:projects?|dự án)\b", re.I)
# "chiếm 33,4% tổng vốn", "accounting for 70.1% of": a share of the measure named before it
SHARE_BEFORE = re.compile(
    r"(?:chiếm(?: tỷ trọng| tỉ trọng| khoảng| gần| hơn| trên)?|accounting for|accounted for"
    r"|making up|made up|represent(?:ing|ed|s)?|(?:a|the) share of)\s*(?:about |nearly |over )?$",
    re.I,
)
# "bằng 47,6% so với cùng kỳ", "equal to 78.1% of": a level against another, not a change
RATIO_BEFORE = re.compile(r"(?:bằng|equal to|equivalent to)\s*(?:khoảng |about )?$", re.I)
# "Singapore dẫn đầu với ...", "Bac Giang led the way with ...", "Real estate came next",
# "Singapore là nhà đầu tư lớn nhất với số vốn ...": a part of the total (a partner, a
# sector, a province) in a ranking, not the measure itself
RANKING = re.compile(
    r"dẫn đầu|đứng (?:thứ|đầu|vị trí)|xếp thứ|tiếp (?:đến|theo) là|\bled the way|\btook the lead"
    r"|nhà đầu tư lớn nhất|\b(?:largest|biggest|top|leading) (?:foreign )?investor"
    r"|\bcontinued to lead|\branked (?:first|second|third)|\bcame next|\bfollowed by|\bnext were",
    re.I,
)

# "261 new foreign-invested projects", "40 dự án đầu tư trực tiếp nước ngoài (FDI) mới"
NEW_AFTER = re.compile(r"\s+(?:new|newly)\b|[^,;.]{0,60}?(?<!\w)mới\b", re.I)
# "20 dự án của 17 nhà đầu tư nước ngoài", "20 projects from 17 foreign investors": FDI projects
FOREIGN_OWNED_PROJECTS = re.compile(
    r"\s+(?:dự án|projects)\s+(?:của|from|of|by)\s+(?:[\d.,]+\s+)?(?:các\s+)?"
    r"(?:nhà đầu tư nước ngoài|foreign investors)",
    re.I,
)
# "New investment: ...", "Newly registered capital: ...": the line's registered capital is new
NEW_LABEL = re.compile(
    r"(?:new investment|newly registered capital|new capital|đầu tư mới|vốn đăng ký (?:cấp )?mới"
    r"|cấp mới)\s*:",
    re.I,
)

# "tăng gần 18% so với tháng 7/2025", "up 5% from the previous month": a change against the
# month (or quarter) before is no year-on-year growth rate
AGAINST_PREVIOUS = re.compile(
    r"\s*(?:so với|compared (?:to|with)|from|over|than)\s+(?:cùng thời điểm\s+|the\s+)?"
    r"(?:tháng (?:trước|\d{1,2})|quý (?:trước|I{1,3}V?|\d)|previous (?:month|quarter)"
    r"|last month|(?:a|the) month (?:before|earlier))|\s*month-on-month",
    re.I,
)

# "about 320 km from Hanoi", "cách Hà Nội 320 km": a distance, not a border's length
DISTANCE = re.compile(r"\bcách\b[^,;.]{0,30}$|\bcách\s*$", re.I)
DISTANCE_AFTER = re.compile(r"\s*(?:from|away)\b", re.I)

# "small-scale projects under 5 million USD", "projects worth over 50 million USD", "dự án có
# vốn trên 50 triệu USD" (not counted ones: "57 projects worth over VND 12.3 trillion", "558
# aid projects ... with over 57 million USD"): a threshold
# that sorts projects, not an amount of any period or measure
THRESHOLD_BEFORE = re.compile(
    r"(?<!\d )\b(?:projects?|dự án)\s+(?:worth\s+|(?:có\s+)?(?:quy mô\s+)?vốn(?: đầu tư)?\s+)?"
    r"(?:under|below|over|above|exceeding|dưới|trên)\s*$",
    re.I,
)
