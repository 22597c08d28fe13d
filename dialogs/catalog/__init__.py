"""The managers' catalog: categories, products, XLSX import and export (staff)."""
