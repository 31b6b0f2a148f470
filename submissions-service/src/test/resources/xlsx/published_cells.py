#!/usr/bin/env python3
"""Reference reader for the tests of the spreadsheet intake, written apart from it (standard library only).

Prints, as JSON, every reported cell of a published table (an xlsx of the Statistical Bulletin): the cells
right of the first column, in the rows below the header row (first cell "Country") whose first cell is no
numbered footnote "(n) ...", that are neither blank nor ":". Each: sheet, ref (e.g. B5), country (the first
cell, "*" and blanks stripped), header (the header cell of the column), value (the number as a plain decimal),
note (whether the country name carries a "*").

usage: published_cells.py FILE.xlsx
"""
import json
import re
import sys
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root.findall("m:si", NS)]


def first_sheet(z):
    workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
    sheet = workbook.find("m:sheets/m:sheet", NS)
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == sheet.get(REL))
    return sheet.get("name"), "xl/" + target.lstrip("/").removeprefix("xl/")


def plain(text):
    number = Decimal(text).normalize()
    return format(number, "f")


def cells(path):
    z = zipfile.ZipFile(path)
    strings = shared_strings(z)
    name, part = first_sheet(z)
    root = ElementTree.fromstring(z.read(part))
    rows = []
    for row in root.iter("{%s}row" % NS["m"]):
        values = {}
        for c in row.findall("m:c", NS):
            column = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find("m:v", NS)
            if v is None:
                continue
            if c.get("t") == "s":
                values[column] = ("text", strings[int(v.text)].strip())
            else:
                values[column] = ("number", v.text)
        rows.append((int(row.get("r")), values))
    out = []
    header = None
    for number, values in rows:
        first = values.get("A", ("text", ""))[1]
        if header is None:
            if first == "Country":
                header = {col: (plain(v) if kind == "number" else v) for col, (kind, v) in values.items()}
            continue
        if not first or re.match(r"^\(\d+\)", first):
            continue
        for column, (kind, v) in values.items():
            if column == "A" or (kind == "text" and v in ("", ":")):
                continue
            out.append({"sheet": name, "ref": column + str(number), "country": first.replace("*", "").strip(),
                        "header": header.get(column, ""), "value": plain(v) if kind == "number" else v,
                        "note": "*" in first})
    return out


if __name__ == "__main__":
    json.dump(cells(sys.argv[1]), sys.stdout)
