#!/usr/bin/python3
"""Writes the two files of the reader benchmark (see BENCHMARK.md) into OUTDIR:
loans.csv, about 100 MB in the seed's 38-column layout, ';'-delimited with Indonesian
numbers and quoted names; and loans.xlsx, 400,000 rows x 30 columns written by
xlsxwriter with shared strings, date cells and number formats (about 50 MB).
Not used by the tests.

usage: make_bench_files.py OUTDIR
"""
import datetime
import os
import random
import sys

import xlsxwriter

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
random.seed(1)

COLUMNS_38 = [
    "PERIODE", "KANCA", "KODE UKER", "UKER", "LN TYPE", "NOMOR REKENING", "NAMA DEBITUR",
    "PLAFON", "NEXT PMT DATE", "NEXT INT PMT DATE", "RATE", "TGL MENUNGGAK", "TGL REALISASI",
    "TGL JATUH TEMPO", "JANGKA WAKTU", "FLAG RESTRUK", "CIFNO", "KOLEKTIBILITAS LANCAR",
    "KOLEKTIBILITAS DPK", "KOLEKTIBILITAS KURANG LANCAR", "KOLEKTIBILITAS DIRAGUKAN",
    "KOLEKTIBILITAS MACET", "TUNGGAKAN POKOK", "TUNGGAKAN BUNGA", "TUNGGAKAN PINALTI", "CODE",
    "DESCRIPTION", "KOL_ADK", "PN PENGELOLA SINGLEPN", "PN PENGELOLA 1", "PN PEMRAKARSA",
    "PN REFERRAL", "PN RESTRUK", "PN PENGELOLA 2", "PN PEMUTUS", "PN CRM",
    "PN RM REFERRAL NAIK SEGMENTASI", "PN RM CRR"]
NAMES = ["CV Bengkel Lima Jaya", 'PT "Sinar" Abadi; Tbk', "Toko Sumber Rejeki", "UD Maju"]


def indonesian(amount):
    return "{:,.2f}".format(amount).replace(",", "X").replace(".", ",").replace("X", ".")


def csv_field(text):
    return '"%s"' % text.replace('"', '""') if (";" in text or '"' in text) else text


def write_csv():
    with open(os.path.join(OUT, "loans.csv"), "w", newline="") as out:
        out.write(";".join(COLUMNS_38) + "\r\n")
        size, i = 0, 0
        while size < 100_000_000:
            i += 1
            plafon = random.randint(10**6, 10**10)
            row = ["30/09/2025", "KC BANDUNG %d" % (i % 20), str(i % 400), "KCP DAGO", "KI",
                   "%015d" % (3301000000000 + i), "%s %d" % (NAMES[i % 4], i),
                   indonesian(plafon), "15/10/2025", "15/10/2025", "7,5", "", "01/01/2020",
                   "01/01/2030", "120", "N", str(10**9 + i), indonesian(plafon * 0.8)] + \
                ["0,00"] * 7 + ["42210", "KUR MIKRO", "1", "00012345", "00012346", "00012347",
                                "", "", "", "00012348", "", "", ""]
            line = ";".join(csv_field(c) for c in row) + "\r\n"
            out.write(line)
            size += len(line)


def write_xlsx(rows=400_000):
    wb = xlsxwriter.Workbook(os.path.join(OUT, "loans.xlsx"))
    ws = wb.add_worksheet("Posisi")
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    money = wb.add_format({"num_format": "#,##0.00"})
    ws.write_row(0, 0, COLUMNS_38[:28] + ["PN RM", "NAMA RM"])
    d1, d2 = datetime.datetime(2025, 9, 30), datetime.datetime(2025, 10, 15)
    d3, d4 = datetime.datetime(2020, 1, 1), datetime.datetime(2030, 1, 1)
    for i in range(1, rows + 1):
        p = random.randint(10**6, 10**10)
        ws.write_datetime(i, 0, d1, date)
        ws.write_string(i, 1, "KC BANDUNG %d" % (i % 20))
        ws.write_number(i, 2, i % 400)
        ws.write_string(i, 3, "KCP DAGO")
        ws.write_string(i, 4, "KI")
        ws.write_string(i, 5, "%015d" % (3301000000000 + i))
        ws.write_string(i, 6, "%s %d" % (NAMES[i % 4], i))
        ws.write_number(i, 7, p, money)
        for column, value in ((8, d2), (9, d2), (11, d1), (12, d3), (13, d4)):
            ws.write_datetime(i, column, value, date)
        ws.write_number(i, 10, 7.5)
        ws.write_number(i, 14, 120)
        ws.write_string(i, 15, "N")
        ws.write_number(i, 16, 10**9 + i)
        ws.write_number(i, 17, p * 0.8, money)
        for column in range(18, 25):
            ws.write_number(i, column, 0)
        ws.write_number(i, 25, 42210)
        ws.write_string(i, 26, "KUR MIKRO")
        ws.write_number(i, 27, 1)
        ws.write_string(i, 28, "00012345")
        ws.write_string(i, 29, "Budi Santoso")
    wb.close()


write_csv()
write_xlsx()
