#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a published report's plain text as Nianbao's JSON exchange file.

A test tool, not the product's importer: it reads the two shapes of the
shared fixtures (one cell a line as extracted from .docx, and one row a line
with cells separated by " | ") so that the tests and benchmarks can feed
their real figures and texts through `nianbao-cli import`. It stops with an
error rather than guess when a row does not have the figures it expects.

Usage: fixture-to-json.py REPORT.txt [> REPORT.json]
"""
import json
import re
import sys

SECTIONS = [
    ("一、总体情况", "overview"),
    ("二、主动公开政府信息情况", "t2"),
    ("三、收到和处理政府信息公开申请情况", "t3"),
    ("四、政府信息公开行政复议、行政诉讼情况", "t4"),
    ("五、存在的主要问题及改进情况", "problems"),
    ("六、其他需要报告的事项", "other"),
]

T2_ROWS = [
    ("规章", "t2.rules", ["issued", "repealed", "in_force"]),
    ("行政规范性文件", "t2.normative", ["issued", "repealed", "in_force"]),
    ("行政许可", "t2.license", ["decisions"]),
    ("行政处罚", "t2.penalty", ["decisions"]),
    ("行政强制", "t2.coercion", ["decisions"]),
    ("行政事业性收费", "t2.fees", ["amount"]),
]

T3_COLUMNS = ["natural", "business", "research", "charity", "legal", "other_org", "total"]
T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", "new"),
    ("二、上年结转政府信息公开申请数量", "carried_in"),
    ("（一）予以公开", "disclosed"),
    ("（二）部分公开", "partial"),
    ("1.属于国家秘密", "withheld.secret"),
    ("2.其他法律行政法规禁止公开", "withheld.law"),
    ("3.危及“三安全一稳定”", "withheld.safety"),
    ("4.保护第三方合法权益", "withheld.third_party"),
    ("5.属于三类内部事务信息", "withheld.internal"),
    ("6.属于四类过程性信息", "withheld.process"),
    ("7.属于行政执法案卷", "withheld.enforcement"),
    ("8.属于行政查询事项", "withheld.query"),
    ("1.本机关不掌握相关政府信息", "unavailable.not_held"),
    ("2.没有现成信息需要另行制作", "unavailable.needs_making"),
    ("3.补正后申请内容仍不明确", "unavailable.unclear"),
    ("1.信访举报投诉类申请", "rejected.complaint"),
    ("2.重复申请", "rejected.repeat"),
    ("3.要求提供公开出版物", "rejected.publication"),
    ("4.无正当理由大量反复申请", "rejected.abusive"),
    ("5.要求行政机关确认或重新出具已获取信息", "rejected.confirm"),
    ("1.申请人无正当理由逾期不补正", "other.no_correction"),
    ("2.申请人逾期未按收费通知要求缴纳费用", "other.no_fee"),
    ("3.其他", "other.other"),
    ("（七）总计", "result_total"),
    ("四、结转下年度继续办理", "carried_out"),
]
T4_GROUPS = ["review", "suit_direct", "suit_after_review"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def fail(message):
    sys.exit("fixture-to-json: " + message)


def clean(line):
    line = re.sub(r"\[bookmark: [^\]]*\]", "", line)
    return line.strip().replace("\u3000", " ").strip()


def cells_of(lines):
    """Every table cell in order, whichever shape the text has."""
    cells = []
    previous_tabbed = False
    for line in lines:
        # In the one-cell-a-line shape a cell that wrapped goes on in a
        # line without the leading tab.
        if previous_tabbed and line.strip() and not line.startswith("\t") and cells:
            cells[-1] += clean(line)
            continue
        previous_tabbed = line.startswith("\t") and bool(line.strip())
        for cell in line.split(" | "):
            cell = clean(cell)
            if cell:
                cells.append(cell.replace("1、", "1.").replace("2、", "2.").replace("3、", "3."))
    return cells


def numbers_after(cells, start, count, what):
    found = []
    for cell in cells[start:]:
        if NUMBER.match(cell):
            found.append(cell)
            if len(found) == count:
                return found
        elif found:
            break
    fail("%s: expected %d figures, found %d" % (what, count, len(found)))


def find(cells, label, start=0):
    for i in range(start, len(cells)):
        if cells[i].startswith(label):
            return i
    fail("label not found: " + label)


def parts_of(lines):
    parts = []
    for line in (clean(l) for l in lines):
        if not line:
            continue
        m = re.match(r"^(（[一二三四五六七八九十]+）[^。]{0,40}?)(。|$)(.*)$", line)
        if m and (m.group(2) == "" or len(m.group(1)) <= 24):
            parts.append({"heading": m.group(1), "body": m.group(3).strip()})
        elif parts:
            parts[-1]["body"] = (parts[-1]["body"] + "\n" + line).strip("\n")
        else:
            parts.append({"heading": "", "body": line})
    return parts


def main():
    if len(sys.argv) != 2:
        fail("usage: fixture-to-json.py REPORT.txt")
    with open(sys.argv[1], encoding="utf-8") as f:
        raw = [l.rstrip("\n") for l in f if not l.startswith("#")]
    lines = [clean(l) for l in raw]

    starts = {}
    for key_heading, key in SECTIONS:
        for i, line in enumerate(lines):
            if line.replace(" ", "") == key_heading:
                starts[key] = i
                break
        else:
            fail("section not found: " + key_heading)
    order = [key for _, key in SECTIONS]
    bounds = {}
    for n, key in enumerate(order):
        end = starts[order[n + 1]] if n + 1 < len(order) else len(lines)
        bounds[key] = raw[starts[key] + 1:end]

    head = [l for l in lines[:starts["overview"]] if l]
    organ = head[0]
    title = head[1].replace(" ", "")
    year = int(re.match(r"^(\d{4})年", title).group(1))
    preamble = " ".join(head[2:])

    organ_meta = {"name": organ}
    for key, label in (("address", "地址"), ("postcode", "邮编"),
                       ("telephone", "电话"), ("email", "电子邮箱")):
        m = re.search(label + r"：([^，）]+)", preamble)
        if m:
            organ_meta[key] = m.group(1).strip()
    m = re.search(r"(https?://[^）)\s]+)", preamble)
    if m:
        organ_meta["website"] = m.group(1)

    figures = {}
    cells = cells_of(bounds["t2"])
    for label, prefix, columns in T2_ROWS:
        i = find(cells, label)
        values = numbers_after(cells, i + 1, len(columns), label)
        for column, value in zip(columns, values):
            if column == "amount":
                figures[prefix + "." + column] = value
            else:
                figures[prefix + "." + column] = int(value)

    cells = cells_of(bounds["t3"])
    position = 0
    for label, row in T3_ROWS:
        i = find(cells, label, position)
        values = numbers_after(cells, i + 1, 7, label)
        for column, value in zip(T3_COLUMNS, values):
            figures["t3.%s.%s" % (row, column)] = int(value)
        position = i + 1

    cells = [c for c in cells_of(bounds["t4"]) if NUMBER.match(c)]
    if len(cells) != 15:
        fail("table 四: expected 15 figures, found %d" % len(cells))
    for g, group in enumerate(T4_GROUPS):
        for c, column in enumerate(T4_COLUMNS):
            figures["t4.%s.%s" % (group, column)] = int(cells[g * 5 + c])

    report = {
        "format": "nianbao-report/1",
        "organ": organ_meta,
        "year": year,
        "preamble": preamble,
        "figures": figures,
        "sections": {key: parts_of(bounds[key]) for key in ("overview", "problems", "other")},
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
