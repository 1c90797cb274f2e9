"""Printed products: GOST references, bibliographies, catalog cards, labels, the accession
register, acquisitions bulletins and statistics, as PDF (ReportLab).

Pure Python over the storage layer, no Qt: the CLI writes the PDFs, the GUI previews and prints
the same files.
"""
