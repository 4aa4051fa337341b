"""Formatters of the export files: pure functions from the query layer's row tuples to lines or bytes.

One module per format family: `tables` (TFLink TSVs), `mitab` (PSI-MITAB 2.8), `gmt`, `genome` (GFF3, FASTA),
`graphs` (JSON Lines, GraphML, SIF, Cytoscape.js), `columnar` (Parquet). They hold no SQL and do no I/O of their
own; :mod:`tflink.query.exports` feeds them rows streamed from the store and writes or streams their output.
"""
