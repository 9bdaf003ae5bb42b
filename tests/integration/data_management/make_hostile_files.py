#!/usr/bin/python3
"""Writes the hostile and broken upload files of hostile_files_test.cpp into OUTDIR, with
Python's zipfile (and a hand-assembled archive for the zip bomb). Each hostile workbook is
the control workbook (one valid loan row) with one thing wrong, so a refusal can only come
from that thing: were it ignored, the row would load.

usage: make_hostile_files.py OUTDIR
"""
import os
import struct
import sys
import zipfile
import zlib

OUT = sys.argv[1]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

HEADER = ["PERIODE", "KANCA", "KODE UKER", "NOMOR REKENING", "CIFNO", "CODE", "KOL_ADK", "OS"]
ROW = ["09/10/2025", "KC Garut", "25", "100000000000004", "C4", "80065", "1", "500000000"]
COLUMNS = "ABCDEFGH"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/></Types>')
ROOT_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
             f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            f'xmlns:r="{REL[:-1]}"><sheets><sheet name="Posisi" sheetId="1" r:id="rId1"/>'
            '</sheets></workbook>')


def workbook_rels(sheet_target="worksheets/sheet1.xml"):
    return (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}worksheet" Target="{sheet_target}"/>'
            f'<Relationship Id="rId2" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>')


def shared_strings(doctype="", extra=""):
    """The header texts as shared strings 0..7, then `extra` items."""
    items = "".join(f"<si><t>{text}</t></si>" for text in HEADER) + extra
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<sst xmlns="{MAIN}">{items}</sst>')


def loan_rows(extra_cell=""):
    """Row 1: the header (shared strings); row 2: one valid loan (inline strings)."""
    header = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate(COLUMNS))
    row = "".join(f'<c r="{c}2" t="inlineStr"><is><t>{v}</t></is></c>'
                  for c, v in zip(COLUMNS, ROW))
    return f'<row r="1">{header}</row><row r="2">{row}{extra_cell}</row>'


def sheet(rows, doctype="", dimension="A1:H2"):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{MAIN}">'
            f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')


def workbook_parts(sheet_xml=None, shared_xml=None, sheet_target="worksheets/sheet1.xml"):
    return [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels",
                                            workbook_rels(sheet_target)),
            ("xl/sharedStrings.xml", shared_xml or shared_strings()),
            ("xl/worksheets/sheet1.xml", sheet_xml or sheet(loan_rows()))]


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def write_zip(name, parts):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        for member, text in parts:
            z.writestr(member, text)


def deflated_zip(parts):
    """An archive of (name, crc, size, raw deflate bytes) entries, assembled by hand so an
    entry's data can be a deflate stream far larger inflated than Python could hold."""
    body, central = b"", b""
    for name, crc, size, data in parts:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(data), size)
        central += (struct.pack("<IH", 0x02014B50, 20) + fields +
                    struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, len(body)) + encoded)
        body += struct.pack("<I", 0x04034B50) + fields + struct.pack("<HH", len(encoded), 0)
        body += encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central),
                      len(body), 0)
    return body + central + end


def deflate(text):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = text.encode()
    return zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush()


def zip_bomb(gib):
    """The control workbook whose sheet continues, after the loan row, with `gib` GiB of
    spaces inside sheetData: about 1 MB compressed per GiB. A 1 MiB block of spaces is
    deflated once and repeated; each copy ends with a full flush, so it refers to nothing
    before it and the copies chain into one valid stream."""
    head = sheet(loan_rows()).split("</sheetData>")[0].encode()
    tail = b"</sheetData></worksheet>"
    block = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block_compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = block_compressor.compress(block) + block_compressor.flush(zlib.Z_FULL_FLUSH)
    end_compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = end_compressor.compress(tail) + end_compressor.flush()
    copies = gib << 10
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + copies * len(block) + len(tail)
    parts = [(name, *deflate(text)) for name, text in workbook_parts()[:-1]]
    parts.append(("xl/worksheets/sheet1.xml", crc, size, start + repeated * copies + end))
    return deflated_zip(parts)


def compound_file(stream_name, stream):
    """An OLE2 compound file (512-byte sectors: FAT, directory, then the stream) holding one
    stream, padded past the 4096-byte mini-stream cutoff so it lives in regular sectors."""
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    sectors = len(stream) // 512
    end_of_chain, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16) +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6) +
              struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0) +
              struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat = [fat_sector, end_of_chain] + [3 + i for i in range(sectors - 1)] + [end_of_chain]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xFF")

    def entry(name, kind, child, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1) +
                struct.pack("<III", no_stream, no_stream, child) + bytes(36) +
                struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end_of_chain, 0) +
                 entry(stream_name, 2, no_stream, 2, len(stream)) +
                 entry("", 0, no_stream, 0, 0) * 2)
    return header + fat_bytes + directory + stream


def biff(record, data=b""):
    return struct.pack("<HH", record, len(data)) + data


def main():
    control = workbook_parts()
    write_zip("control.xlsx", control)
    write("zip_bomb.xlsx", zip_bomb(2))

    # A million empty rows after the header, each with an empty cell in column XFD (the
    # last one), and a dimension that claims the whole grid: nothing to load.
    header = loan_rows().split('<row r="2">')[0]
    empty = "".join(f'<row r="{r}"><c r="XFD{r}" s="0"/></row>' for r in range(2, 1000002))
    write_zip("million_empty_rows.xlsx",
              workbook_parts(sheet_xml=sheet(header + empty, dimension="A1:XFD1048576")))

    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' +
              "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
                      for i in range(1, 10)) + "]>")
    xxe = '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    write_zip("laughs_shared_strings.xlsx", workbook_parts(
        shared_xml=shared_strings(laughs, "<si><t>&lol9;</t></si>")))
    write_zip("laughs_sheet.xlsx", workbook_parts(sheet_xml=sheet(
        loan_rows('<c r="I2" t="inlineStr"><is><t>&lol9;</t></is></c>'), laughs)))
    write_zip("external_entity_shared_strings.xlsx", workbook_parts(
        shared_xml=shared_strings(xxe, "<si><t>&xxe;</t></si>")))
    write_zip("external_entity_sheet.xlsx", workbook_parts(sheet_xml=sheet(
        loan_rows('<c r="I2" t="inlineStr"><is><t>&xxe;</t></is></c>'), xxe)))

    # Zip slip: an extra member named ../../x, and a sheet relationship that points there.
    write_zip("entry_outside.xlsx", control + [("../../x", "planted")])
    write_zip("sheet_outside.xlsx", workbook_parts(sheet_target="../../x"))
    # A byte that is not UTF-8 in the loan row's KANCA, where XML allows only UTF-8.
    write_zip("invalid_utf8.xlsx", workbook_parts(
        sheet_xml=sheet(loan_rows()).encode().replace(b"KC Garut", b"KC Garut \xff")))

    with open(os.path.join(OUT, "control.xlsx"), "rb") as f:
        whole = f.read()
    write("truncated.xlsx", whole[:len(whole) * 2 // 3])
    # The CSV/zip swaps: the loan CSV named .xlsx, and the control workbook named .csv.
    csv = ",".join(HEADER) + "\n" + ",".join(ROW) + "\n"
    write("csv_named.xlsx", csv.encode())
    write("zip_named.csv", whole)

    # A real compound file whose Workbook stream starts with a BIFF8 BOF and then breaks:
    # a sheet record that points past the stream, and a record longer than what is left.
    bof = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0206))
    sheet_record = biff(0x0085, struct.pack("<IBBB", 0x7FFFFFF0, 0, 0, 6) + b"\0Posisi")
    broken = bof + sheet_record + struct.pack("<HH", 0x00FC, 0x2000) + b"\xAB" * 64
    write("corrupt_biff.xls", compound_file("Workbook", broken))


main()
