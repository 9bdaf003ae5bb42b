"""Prints an XLSX workbook as JSON, as openpyxl (an independent reader) sees it: for each
sheet its name, frozen cell, column widths and every non-empty cell with its type, value,
number format and boldness. Used by xlsx_export_test.cpp."""
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if cell.is_date:
        value = value.date().isoformat()
    return {"type": "d" if cell.is_date else cell.data_type, "value": value,
            "format": cell.number_format, "bold": bool(cell.font and cell.font.b)}


def main(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        cells = {cell.coordinate: cell_json(cell)
                 for row in sheet.iter_rows() for cell in row if cell.value is not None}
        widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
        sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "widths": widths,
                       "cells": cells})
    json.dump({"sheets": sheets}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
