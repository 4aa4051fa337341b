"""Documentation text shared by the FAQ page and docs/formats.md: file formats with their columns and the rules."""
from __future__ import annotations

SIMPLE_FORMAT = (
    ("UniprotID.TF", "UniProt accession of the TF"), ("UniprotID.Target", "UniProt accession of the target"),
    ("NCBI.GeneID.TF", "NCBI Gene ID(s) of the TF, ';'-joined, '-' if none"),
    ("NCBI.GeneID.Target", "NCBI Gene ID(s) of the target"), ("Name.TF", "gene name of the TF ('-' if none)"),
    ("Name.Target", "gene name of the target"), ("Detection.method", "PSI-MI method names, ';'-joined, sorted"),
    ("PubmedID", "PubMed IDs of the original papers and of the source databases, ';'-joined"),
    ("Organism", "species name"), ("Source.database", "source labels, ';'-joined, sorted"),
    ("Small-scale.evidence", "Yes if at least one supporting record is small-scale"),
    ("TF.TFLink.ortho", "orthologs of the TF with an entry (Sp:UniProt)"),
    ("TF.nonTFLink.ortho", "orthologs of the TF without an entry"),
    ("Target.TFLink.ortho", "orthologs of the target with an entry"),
    ("Target.nonTFLink.ortho", "orthologs of the target without an entry"),
)
MITAB_COLUMNS = (
    "uniqueID_A", "uniqueID_B", "alternativeID_A", "alternativeID_B", "alias_A", "alias_B", "detectionMethod",
    "firstAuthor", "pubmedID", "taxonomyID_A", "taxonomyID_B", "interactionType", "sourceDatabase",
    "interactionID_source", "confidenceScore", "complexExpansion", "biolRole_A", "biolRole_B", "experimentalRole_A",
    "experimentalRole_B", "interactorType_A", "interactorType_B", "xref_A", "xref_B", "xref_interaction",
    "annotation_A", "annotation_B", "annotation_int", "taxonomyID_host", "parameters", "creationDate", "updateDate",
    "checksum_A", "checksum_B", "checksum_interaction", "negative", "feature_A", "feature_B", "stoichiometry_A",
    "stoichiometry_B", "participantMethod_A", "participantMethod_B", "biologicalEffect_A", "biologicalEffect_B",
    "regulatoryMechanism", "causalStatement",
)
SITE_COLUMNS = (
    ("TFLinkID", "TFLinkSS/TFLinkLS + 8 digits"), ("UniprotID.TF", "UniProt accession of the TF"),
    ("Name.TF", "gene name of the TF"), ("Organism", "species name"), ("Assembly", "genome assembly, e.g. hg38"),
    ("Chromosome", "chromosome"), ("Start", "1-based start"), ("End", "end (inclusive)"), ("Strand", "+ or -"),
    ("Genome.browser", "UCSC genome-browser link"), ("Detection.method", "method names, ';'-joined"),
    ("PubmedID", "PubMed IDs, ';'-joined"), ("Source.database", "source labels"),
    ("Small-scale.evidence", "Yes / No"), ("Number.of.TFBS.overlaps", "overlapping sites of the same TF"),
    ("TFBS.overlaps", "TFLink IDs of those overlapping sites"),
)
FORMATS = (
    {"name": "Interaction table (simpleFormat TSV)", "id": "simple",
     "text": "Tab-separated, one header row, one row per TF → target pair; 15 columns:", "columns": SIMPLE_FORMAT},
    {"name": "PSI-MI TAB 2.8 (MITAB)", "id": "mitab",
     "text": "Tab-separated, no header, 46 columns (A = TF, B = target; missing values '-'):",
     "columns": tuple((c, "") for c in MITAB_COLUMNS)},
    {"name": "GMT gene sets", "id": "gmt",
     "text": "One TF per line: TF identifier, TF gene name in double quotes, then the target identifiers. "
             "Three variants: UniProt ACs, NCBI Gene IDs or gene names.", "columns": ()},
    {"name": "Binding-site table (TSV)", "id": "sites",
     "text": "Tab-separated with a header; 16 columns:", "columns": SITE_COLUMNS},
    {"name": "GFF3 binding-site annotation", "id": "gff3",
     "text": "seqid = chromosome, source = TFLink_from_<source>, type = TF_binding_site, start, end, score '.', "
             "strand, phase '.', attributes ID=<TFLink ID>;Name=<TF name>;Note=<TF UniProt>.", "columns": ()},
    {"name": "FASTA binding-site sequences", "id": "fasta",
     "text": "Header '>TFLinkID;UniProt;name;assembly;chrom:start-end' ('-' when the site has no location), "
             "then the sequence.", "columns": ()},
)
FUNCTION_RULES = (
    ("transcription factor", "regulates at least one target and no regulator of it is known in the release"),
    ("target gene", "is only regulated (has TFs, no targets)"),
    ("transcription factor and target gene", "regulates targets and is itself regulated"),
)
DIFFERENCES = (
    "No 100-row cap: every table on an entry page is server-paged, sortable and filterable over all its rows.",
    "A search box with autocomplete over gene names, synonyms, UniProt ACs and NCBI Gene IDs of all species; "
    "batch search of whole identifier lists.",
    "A documented REST API (/api/v1/docs) and a command-line tool over the same data.",
    "The sign of regulation (activation / repression) where the sources state it.",
    "Ambiguous aliases are refused: a synonym that names more than one gene is reported as ambiguous, "
    "never silently mapped.",
    "Network view with evidence-styled edges, filters, a neighbour limit that says when not all are drawn, "
    "and depth-2 neighbourhoods.",
    "Everything works offline from one release (SQLite file or PostgreSQL schema).",
)
