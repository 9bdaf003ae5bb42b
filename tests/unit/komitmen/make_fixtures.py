#!/usr/bin/python3
"""Writes the komitmen reader's fixtures into OUTDIR with real writers: openpyxl, and
LibreOffice (headless) converting the openpyxl workbook and a CSV to .xlsx and .xls. Every
file holds the same sheet (TARGETS below), so the tests expect the same rows from each.
Called once per build tree through tests/unit/support/script_fixtures.hpp, cached by this
file's content.

usage: make_fixtures.py OUTDIR
"""
import csv
import os
import subprocess
import sys

import openpyxl

OUT = sys.argv[1]
GROUPS = ["KUR RITEL", "SMALL SD 5M", "KECIL NCC", "KECIL CC"]
MEASURES = ["DEB", "OS", "PL", "NPL", "DPK"]
HEADER_1 = [None] * 4 + sum([[group] + [None] * 4 for group in GROUPS], [])
HEADER_2 = ["KODE KANCA", "KODE UKER", "NAMA KANCA", "NAMA UKER"] + MEASURES * 4
EMPTY_GROUP = [None] * 5
NO_GROUP = ["-"] * 5

# Rows 3 on: numbers as number cells, "-" and empty for no target. Amounts in Rp juta.
TARGETS = [
    [5, 5, "KC Bandung AA", "KC Bandung AA",
     12, 1500.5, 1400, "-", 25.25] + EMPTY_GROUP + [3, 1234.56, 1200, 0.01, 0] + NO_GROUP,
    [5, 675, "KC Bandung AA", "KCP  Rajawali Bandung",
     8, 499.5, 480, 2, 10] + EMPTY_GROUP + EMPTY_GROUP + [1, 250, 240, "-", "-"],
    [25, 25, "KC Garut", "KC Garut",
     5, 1000, 100, 3, None] + [4, 800, 790, 5, 5] + EMPTY_GROUP + EMPTY_GROUP,
    # The region's own total: KUR RITEL DEB, OS, DPK match, PL is 1 % off exactly (no
    # warning), NPL 10 against 5 (a warning).
    [None, None, None, "TOTAL RO BANDUNG",
     25, 3000, 2000, 10, 35.25] + EMPTY_GROUP + EMPTY_GROUP + EMPTY_GROUP,
]


def path(*parts):
    full = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def openpyxl_file():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KOMITMEN"
    ws.append(HEADER_1)
    ws.append(HEADER_2)
    for row in TARGETS:
        ws.append(row)
    for first in ("E", "J", "O", "T"):
        column = ws[first + "1"].column
        ws.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + 4)
    wb.save(path("openpyxl", "komitmen.xlsx"))


def csv_file():
    with open(path("csv", "komitmen.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        for row in [HEADER_1, HEADER_2] + TARGETS:
            writer.writerow(["" if cell is None else cell for cell in row])


def soffice(target, source, outdir):
    profile = "file://" + os.path.abspath(os.path.join(OUT, ".lo-profile"))
    command = ["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore"]
    if source.endswith(".csv"):
        command.append("--infilter=CSV:44,34,76,1")  # comma, double quote, UTF-8, line 1
    command += ["--convert-to", target, "--outdir", outdir, source]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)


def libreoffice_files():
    for source, folder in ((path("openpyxl", "komitmen.xlsx"), "libreoffice-from-xlsx"),
                           (path("csv", "komitmen.csv"), "libreoffice-from-csv")):
        outdir = os.path.dirname(path(folder, "x"))
        soffice("xlsx", source, outdir)
        soffice("xls", source, outdir)


openpyxl_file()
csv_file()
libreoffice_files()
