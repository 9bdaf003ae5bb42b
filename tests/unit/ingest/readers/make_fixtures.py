#!/usr/bin/python3
"""Writes the reader test fixtures into OUTDIR with real writers: openpyxl, xlsxwriter,
LibreOffice (headless, CSV and XLSX converted to XLSX and XLS) and, for hostile or
hand-crafted packages, Python's zipfile (and byte surgery on its output for inconsistent
archives). Called once per build tree by fixtures.cpp,
which caches the result keyed by this file's content: edit this file and the fixtures
are made again.

usage: make_fixtures.py OUTDIR
"""
import datetime
import os
import shutil
import struct
import subprocess
import sys
import warnings
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = sys.argv[1]
warnings.filterwarnings("ignore", "Duplicate name")  # duplicate_entry.xlsx is meant to


def path(*parts):
    full = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


# --- openpyxl: date cells with number formats, inline strings, sparse cells, empty rows ---

def openpyxl_dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Posisi"
    ws.append(["PERIODE", "TGL REALISASI", "NOMOR REKENING", "OS", "RATE", "KOL_ADK",
               "FLAG", "CATATAN"])
    # Row 2: default date format, a date-time with a custom format, a 15-digit account
    # number stored as a number, amounts, a bool, an error value.
    ws.append([datetime.date(2025, 9, 30), datetime.datetime(2019, 3, 15, 14, 30),
               123456789012345, 1234567.89, 0.095, 2, True, "#N/A"])
    ws["B2"].number_format = "dd/mm/yyyy hh:mm"
    # Row 3: built-in format 14, an Indonesian long date, a 16-digit integer, a float
    # that is a whole number, a tiny number.
    ws.append([datetime.date(2025, 10, 9), datetime.date(2024, 2, 29), 1234567890123456,
               1.5e15, 1e-7, 5.0, False, "Bengkel Lima Jaya é"])
    ws["A3"].number_format = "mm-dd-yy"  # built-in id 14
    ws["B3"].number_format = "[$-421]dd mmmm yyyy;@"
    # Row 4: only a styled, valueless cell: wholly empty, skipped.
    ws["A4"].number_format = "0.00"
    # Row 5 is absent. Row 6: sparse cells.
    ws["A6"] = "sparse"
    ws["D6"] = 42210
    ws["F6"] = 42210.0
    # Row 7: numbers that only look like dates, and the 1900 leap-year bug.
    ws["A7"] = 45000
    ws["A7"].number_format = "#,##0.00"
    ws["B7"] = 0.5
    ws["B7"].number_format = "h:mm"
    ws["C7"] = 59
    ws["C7"].number_format = "yyyy-mm-dd"
    ws["D7"] = 60
    ws["D7"].number_format = "yyyy-mm-dd"
    ws["E7"] = 61
    ws["E7"].number_format = "yyyy-mm-dd"
    ws["F7"] = 0.75
    ws["F7"].number_format = "h:mm:ss"  # built-in id 21
    ws["G7"] = 45930
    ws["G7"].number_format = "d-mmm-yy"  # built-in id 15
    ws["H7"] = 45930
    ws["H7"].number_format = '"Tgl "dd\\/mm\\/yyyy'
    wb.save(path("openpyxl", "dates.xlsx"))


def openpyxl_1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["PERIODE", "OS"])
    ws.append([datetime.date(2025, 9, 30), 100])
    ws.append([datetime.date(1904, 1, 1), 200])
    wb.save(path("openpyxl", "epoch1904.xlsx"))


def openpyxl_formulas():
    # openpyxl stores formulas without their results; LibreOffice computes them when it
    # converts the file (below), as Excel does when it saves.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rumus"
    ws.append(["NAMA", "PERIODE", "FLAG", "OS", "KODE", "CEK"])
    ws.append(['=CONCATENATE("Toko ","Maju")', "=DATE(2025,9,30)", "=1=1", "=1000000*1.5",
               '=TEXT(42210,"0")', "=1/0"])
    ws.append(['=A2&" Jaya"', "=B2+31", "=1=2", "=SUM(D2,0.25)", '="00"&"5"', "=NA()"])
    ws["B2"].number_format = "dd/mm/yyyy"
    ws["B3"].number_format = "dd/mm/yyyy"
    wb.save(path("openpyxl", "formulas.xlsx"))


# --- xlsxwriter: inline strings (constant_memory) and shared rich strings ---

def xlsxwriter_files():
    for name, options in (("inline.xlsx", {"constant_memory": True}), ("shared.xlsx", {})):
        wb = xlsxwriter.Workbook(path("xlsxwriter", name), options)
        ws = wb.add_worksheet("Data")
        date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
        bold = wb.add_format({"bold": True})
        ws.write_row(0, 0, ["PERIODE", "NOMOR REKENING", "OS", "FLAG", "FORMULA", "BIG"])
        ws.write_datetime(1, 0, datetime.datetime(2025, 9, 30), date_format)
        ws.write_string(1, 1, "003301001234567")
        ws.write_number(1, 2, 1234567.89)
        ws.write_boolean(1, 3, False)
        ws.write_formula(1, 4, '="a"&"b"', None, "ab")
        ws.write_number(1, 5, 1.2345678901234e20)
        ws.write_blank(2, 0, None, bold)  # a styled empty row: skipped
        ws.write_datetime(3, 0, datetime.datetime(2025, 10, 31), date_format)
        if options:
            ws.write_rich_string(3, 1, "0033", bold, "0100", "9")
        else:
            ws.write_string(3, 1, "003301009")
        ws.write_number(3, 5, -0.5)
        wb.close()


# --- LibreOffice: CSV → XLSX and XLS, XLSX → XLS ---

LOANS_CSV = (
    "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,NAMA DEBITUR,OS,RATE\n"
    "2025-09-30,KC BANDUNG,0005,003301001234567,123456789012345,"
    "\"Bengkel \"\"Lima\"\" Jaya\",1234567.89,7.5\n"
    "2025-09-30,KC CIMAHI,42210,003301009999999,98765,\"Toko\nDua Baris\",0.095,10\n"
    "\n"
    "2025-10-31,KCP DAGO,1234,003301000000001,1,Ny. Siti Ä,-2500,\n"
)


def soffice(target, inputs, outdir):
    profile = "file://" + os.path.abspath(os.path.join(OUT, ".lo-profile"))
    command = ["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore"]
    if inputs[0].endswith(".csv"):
        # Comma, double quote, UTF-8, from line 1; column 1 as Y-M-D dates, columns 3 and 4
        # (codes, account numbers) as text so leading zeros stay.
        command.append("--infilter=CSV:44,34,76,1,1/5/3/2/4/2")
    command += ["--convert-to", target, "--outdir", outdir] + inputs
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)


def libreoffice_files():
    csv_in = path("libreoffice", "in", "loans.csv")
    with open(csv_in, "w", encoding="utf-8", newline="") as f:
        f.write(LOANS_CSV)
    outdir = os.path.dirname(path("libreoffice", "x"))
    soffice("xlsx", [csv_in], outdir)
    soffice("xls", [csv_in], outdir)
    soffice("xls", [path("openpyxl", "dates.xlsx"), path("openpyxl", "formulas.xlsx")], outdir)
    soffice("xlsx", [path("openpyxl", "formulas.xlsx")], outdir)


# --- Hand-made packages (zipfile): exact stored values, prefixes, hostile content ---

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'


def package(name, sheet_rows, shared=None, styles=None, sheet_target="worksheets/data.xml",
            sheet_name="Data Posisi", date1904=False, prefix="", raw_sheet=None,
            members=None, compresslevel=6):
    p = prefix
    ns = f'xmlns:{p[:-1]}="{MAIN}"' if p else f'xmlns="{MAIN}"'
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}workbook {ns} xmlns:r="{REL}">'
        f'<{p}workbookPr date1904="{1 if date1904 else 0}"/><{p}sheets>'
        f'<{p}sheet name="{sheet_name}" sheetId="1" r:id="rId7"/>'
        f'<{p}sheet name="Kedua" sheetId="2" r:id="rId8"/></{p}sheets></{p}workbook>')
    rels = [f'<Relationship Id="rId7" Type="{REL}worksheet" Target="{sheet_target}"/>',
            f'<Relationship Id="rId8" Type="{REL}worksheet" Target="worksheets/sheet1.xml"/>']
    if shared is not None:
        rels.append(f'<Relationship Id="rId2" Type="{REL}sharedStrings" '
                    f'Target="sharedStrings.xml"/>')
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{REL}styles" Target="styles.xml"/>')
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) +
        '</Relationships>')
    sheet = raw_sheet if raw_sheet is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}><{p}sheetData>' +
        sheet_rows + f'</{p}sheetData></{p}worksheet>')
    second = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>second sheet</t></is></c></row>'
              '</sheetData></worksheet>')
    with zipfile.ZipFile(path("packages", name), "w", zipfile.ZIP_DEFLATED,
                         compresslevel=compresslevel) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        if not sheet_target.startswith(".."):
            z.writestr("xl/" + sheet_target, sheet)
        z.writestr("xl/worksheets/sheet1.xml", second)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
        for member, data in (members or {}).items():
            z.writestr(member, data)


def sst(*items):
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(items)}" '
            f'uniqueCount="{len(items)}">' + "".join(items) + '</sst>')


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="#,##0.00_);[Red](#,##0.00)"/></numFmts>'
    '<cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>'
    '<xf numFmtId="22"/></cellXfs></styleSheet>')


def hand_made_packages():
    # Exact stored values as Excel writes them, rich and phonetic shared strings, escapes.
    package("values.xlsx",
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row>'
            '<row r="3"><c r="A3"><v>1.2345678901234E+15</v></c>'
            '<c r="B3"><v>9.5000000000000004E-2</v></c><c r="C3"><v>42210</v></c>'
            '<c r="D3" s="2"><v>-1234.5</v></c><c r="E3" s="1"><v>45930.75</v></c>'
            '<c r="F3" s="3"><v>45930.5</v></c><c r="G3" t="d"><v>2025-09-30T00:00:00</v></c>'
            '<c r="H3" t="e"><v>#DIV/0!</v></c><c r="I3" t="b"><v>0</v></c>'
            '<c r="J3" t="inlineStr"><is><t>a_x000D_b</t></is></c>'
            '<c r="K3" t="str"><f>A1</f><v>kode</v></c><c r="L3"><v>2.9999999999999996</v></c>'
            '<c r="M3"><v>-0</v></c><c r="N3" s="1"><v>0</v></c></row>'
            '<row><c t="s"><v>3</v></c><c><v>7</v></c><c r="E4" t="s"><v>4</v></c>'
            '<c r="F4" t="s"><v>5</v></c></row>',
            shared=sst('<si><t>NOMOR REKENING</t></si>',
                       '<si><r><t>Ka</t></r><r><rPr><b/></rPr><t>nca</t></r>'
                       '<rPh sb="0" eb="1"><t>KANA</t></rPh></si>',
                       '<si><t xml:space="preserve"> spasi </t></si>',
                       '<si><t>tanpa r</t></si>',
                       '<si><t></t></si>',
                       '<si><t>&lt;&amp;&gt; _x005F_x0041_</t></si>'),
            styles=STYLES)
    # Every element and attribute with a namespace prefix, as some .NET writers do.
    package("prefixed.xlsx",
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>PERIODE</x:t></x:is></x:c>'
            '<x:c r="B1"><x:v>5</x:v></x:c></x:row>',
            prefix="x:")
    # 1904 date system from workbookPr.
    package("date1904.xlsx", '<row r="1"><c r="A1" s="1"><v>0</v></c>'
            '<c r="B1" s="1"><v>44467</v></c></row>', styles=STYLES, date1904=True)

    # Hostile.
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
           "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
                   for i in range(1, 10)) + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>')
    package("billion_laughs.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared=lol)
    package("external_entity.xlsx", "", raw_sheet=(
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        '<t>&xxe;</t></is></c></row></sheetData></worksheet>'))
    # About 30 MB of whitespace inside sheetData: tens of KB compressed.
    package("bomb.xlsx", "", compresslevel=9, raw_sheet=(
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>' + " " * (30 << 20) +
        '</sheetData></worksheet>'))
    package("beyond_xfd.xlsx", '<row r="1"><c r="XFE1"><v>1</v></c></row>')
    package("beyond_last_row.xlsx", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')
    package("bad_shared_index.xlsx", '<row r="1"><c r="A1" t="s"><v>5</v></c></row>',
            shared=sst('<si><t>only</t></si>'))
    package("many_shared_strings.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
            shared=sst(*[f'<si><t>{"x" * 100}{i}</t></si>' for i in range(1000)]))
    package("escaping_target.xlsx", "", sheet_target="../../../etc/passwd")
    package("malformed.xlsx", '<row r="1"><c r="A1"><v>1</v></c>')  # </row> missing
    package("huge_cell.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "y" * 200000 +
            '</t></is></c></row>')
    with zipfile.ZipFile(path("packages", "not_a_workbook.xlsx"), "w") as z:
        z.writestr("word/document.xml", "<document/>")
    with open(path("openpyxl", "dates.xlsx"), "rb") as f:
        data = f.read()
    with open(path("packages", "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])


# --- Zip containers: ZIP64 forms real writers use, and archives whose headers disagree ---

def simple_sheet(name):
    """A one-sheet package with two known rows; returns its bytes."""
    package(name, '<row r="1"><c r="A1" t="inlineStr"><is><t>PERIODE</t></is></c>'
            '<c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>42210</v></c></row>')
    with open(path("packages", name), "rb") as f:
        return f.read()


def headers(data):
    """(local offset, central offset, name) of every entry, from the central directory."""
    eocd = data.rindex(b"PK\x05\x06")
    count, _, cd_offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    entries, at = [], cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[at + 28:at + 34])
        local = struct.unpack("<I", data[at + 42:at + 46])[0]
        entries.append((local, at, data[at + 46:at + 46 + name_len]))
        at += 46 + name_len + extra_len + comment_len
    return entries


def entry(data, name):
    return next(e for e in headers(data) if e[2] == name)


def write_bytes(name, data):
    with open(path("packages", name), "wb") as f:
        f.write(data)


SHEET = b"xl/worksheets/data.xml"


def zip64_packages():
    # Python's zipfile (openpyxl's writer) with ZIP64 forced: every local header holds
    # 0xFFFFFFFF sizes and the real ones in its ZIP64 extra field.
    simple_sheet("zip64_plain.xlsx")
    with zipfile.ZipFile(path("packages", "zip64_plain.xlsx")) as source, \
            zipfile.ZipFile(path("packages", "zip64_local.xlsx"), "w",
                            zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            with target.open(info.filename, "w", force_zip64=True) as member:
                member.write(source.read(info.filename))
    # A ZIP64 end of central directory record and locator, the classic record saturated,
    # as writers do past 65,535 entries or 4 GB.
    data = simple_sheet("zip64_end.xlsx")
    eocd = data.rindex(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    record = struct.pack("<IQHHIIQQQQ", 0x06064b50, 44, 45, 45, 0, 0, count, count, cd_size,
                         cd_offset)
    locator = struct.pack("<IIQI", 0x07064b50, 0, eocd, 1)
    end = struct.pack("<IHHHHIIH", 0x06054b50, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                      0xFFFFFFFF, 0)
    write_bytes("zip64_end.xlsx", data[:eocd] + record + locator + end)


def inconsistent_packages():
    data = simple_sheet("consistent.xlsx")
    local, central, _ = entry(data, SHEET)
    # The local header names another part than the central directory does.
    changed = bytearray(data)
    changed[local + 30 + len(SHEET) - 5] = ord("X")
    write_bytes("local_name_differs.xlsx", bytes(changed))
    # Both headers agree on an uncompressed size smaller than the data inflates to.
    changed = bytearray(data)
    size = struct.unpack("<I", data[central + 24:central + 28])[0]
    struct.pack_into("<I", changed, central + 24, size - 7)
    struct.pack_into("<I", changed, local + 22, size - 7)
    write_bytes("size_lie.xlsx", bytes(changed))
    # The last entry's data claims to run on into the central directory.
    last_local, last_central, _ = max(headers(data))
    changed = bytearray(data)
    compressed = struct.unpack("<I", data[last_central + 20:last_central + 24])[0]
    struct.pack_into("<I", changed, last_central + 20, compressed + 64)
    struct.pack_into("<I", changed, last_local + 18, compressed + 64)
    write_bytes("data_into_directory.xlsx", bytes(changed))
    # Bytes after the end of central directory record.
    write_bytes("trailing_bytes.xlsx", data + b"tail")
    # The same part twice.
    package("duplicate_entry.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>',
            members={"xl/worksheets/data.xml": "<worksheet/>"})
    # A stored sheet with one byte of its text changed: only the CRC can tell.
    with zipfile.ZipFile(path("packages", "consistent.xlsx")) as source, \
            zipfile.ZipFile(path("packages", "crc_mismatch.xlsx"), "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename), zipfile.ZIP_STORED)
    with open(path("packages", "crc_mismatch.xlsx"), "rb") as f:
        data = f.read()
    at = data.index(b"<t>PERIODE</t>")
    write_bytes("crc_mismatch.xlsx", data[:at + 3] + b"Q" + data[at + 4:])
    # Overlapping entries (the "better zip bomb" shape): a stored part whose content is
    # the local header and data of the sheet, with the sheet's central entry pointing
    # into it.
    with open(path("packages", "consistent.xlsx"), "rb") as f:
        data = f.read()
    sheet_local, sheet_central, _ = entry(data, SHEET)
    name_len, extra_len = struct.unpack("<HH", data[sheet_local + 26:sheet_local + 30])
    compressed = struct.unpack("<I", data[sheet_central + 20:sheet_central + 24])[0]
    planted = data[sheet_local:sheet_local + 30 + name_len + extra_len + compressed]
    package("overlap_base.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>',
            members={"xl/media/planted.bin": planted})
    with zipfile.ZipFile(path("packages", "overlap_base.xlsx")) as source, \
            zipfile.ZipFile(path("packages", "overlap.xlsx"), "w") as target:
        for info in source.infolist():
            kind = zipfile.ZIP_STORED if info.filename.endswith(".bin") else \
                zipfile.ZIP_DEFLATED
            target.writestr(info.filename, source.read(info.filename), kind)
    with open(path("packages", "overlap.xlsx"), "rb") as f:
        data = bytearray(f.read())
    carrier_local, _, _ = entry(bytes(data), b"xl/media/planted.bin")
    carrier_name = len(b"xl/media/planted.bin")
    carrier_extra = struct.unpack("<H", data[carrier_local + 28:carrier_local + 30])[0]
    planted_at = carrier_local + 30 + carrier_name + carrier_extra
    _, central, _ = entry(bytes(data), SHEET)
    # Point the sheet's central entry at the planted copy, with the planted sizes and CRC.
    data[central + 16:central + 28] = planted[14:26]
    struct.pack_into("<I", data, central + 42, planted_at)
    write_bytes("overlap.xlsx", bytes(data))


openpyxl_dates()
openpyxl_1904()
openpyxl_formulas()
xlsxwriter_files()
hand_made_packages()
zip64_packages()
inconsistent_packages()
libreoffice_files()
shutil.rmtree(os.path.join(OUT, ".lo-profile"), ignore_errors=True)
