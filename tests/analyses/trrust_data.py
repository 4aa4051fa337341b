"""A test release for the analyses.

`build_trrust_release(folder, shared_dir)`: a release DERIVED FROM REAL FILES (not hand-made): the complete TRRUST v2 human and mouse tables
(../shared/sources/trrust), symbols mapped to UniProt through TFLink's own human / mouse browse tables, and
human-mouse orthologs from the BioMart symbol table (../shared/sources/orthology), written as TFLink v1.0
simpleFormat files and imported with the normal importer. Pairs whose symbols do not map are left out (counted).
It gives the analyses what `ref_release` lacks: two organisms with orthologs and many small-scale TFs.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

HEADER = ("UniprotID.TF\tUniprotID.Target\tNCBI.GeneID.TF\tNCBI.GeneID.Target\tName.TF\tName.Target\t"
          "Detection.method\tPubmedID\tOrganism\tSource.database\tSmall-scale.evidence\tTF.TFLink.ortho\t"
          "TF.nonTFLink.ortho\tTarget.TFLink.ortho\tTarget.nonTFLink.ortho")


def symbol_map(browse_csv: Path) -> dict[str, tuple[str, str]]:
    """Gene name -> (UniProt AC, NCBI Gene ID) from a TFLink browse table: the AC with most interactions."""
    best: dict[str, tuple[int, str, str]] = {}
    with open(browse_csv, newline="", encoding="utf-8") as fh:
        for name, ac, ncbi, _function, _ss, n in csv.reader(fh):
            if name != "-" and (name not in best or int(n) > best[name][0]):
                best[name] = (int(n), ac, ncbi)
    return {k: (v[1], v[2]) for k, v in best.items()}


def trrust_pairs(path: Path) -> dict[tuple[str, str], list[str]]:
    """(TF symbol, target symbol) -> PubMed IDs, from a TRRUST raw table."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            tf, target, _mode, pmids = line.rstrip("\n").split("\t")
            out[(tf, target)] += [p for p in pmids.split(";") if p not in out[(tf, target)]]
    return out


def write_simple_format(out: Path, organism: str, pairs: dict[tuple[str, str], list[str]],
                        ids: dict[str, tuple[str, str]], ortho: dict[str, str]) -> int:
    """Write the pairs whose symbols both map; returns the number of pairs left out."""
    dropped = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for (tf, target), pmids in sorted(pairs.items()):
            if tf not in ids or target not in ids:
                dropped += 1
                continue
            (tf_ac, tf_ncbi), (t_ac, t_ncbi) = ids[tf], ids[target]
            fh.write("\t".join([tf_ac, t_ac, tf_ncbi, t_ncbi, tf, target, "inferred by curator",
                                ";".join(pmids + ["29087512"]), organism, "TRRUST", "Yes",
                                ortho.get(tf_ac, "-"), "-", ortho.get(t_ac, "-"), "-"]) + "\n")
    return dropped


def build_trrust_release(folder: Path, shared_dir: Path, location: str | None = None) -> str:
    """Real TRRUST human + mouse edges with real human-mouse orthologs, imported as a release (SQLite in
    `folder`, or PostgreSQL at `location`)."""
    from tflink.build.import_tflink import import_files

    src = shared_dir / "sources"
    hs = symbol_map(src / "tflink_reference" / "browse_tables" / "Homo_sapiens_browse.csv")
    mm = symbol_map(src / "tflink_reference" / "browse_tables" / "Mus_musculus_browse.csv")
    hs_to_mm: dict[str, str] = defaultdict(str)
    mm_to_hs: dict[str, str] = defaultdict(str)
    with open(src / "orthology" / "hgnc_mgi_symbol_orthologs.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            m, h = line.rstrip("\n").split("\t")
            if m in mm and h in hs:
                hs_to_mm[hs[h][0]] = ";".join(filter(None, [hs_to_mm[hs[h][0]], f"Mm:{mm[m][0]}"]))
                mm_to_hs[mm[m][0]] = ";".join(filter(None, [mm_to_hs[mm[m][0]], f"Hs:{hs[h][0]}"]))
    files = [folder / "TFLink_Homo_sapiens_interactions_SS_simpleFormat_v1.0.tsv",
             folder / "TFLink_Mus_musculus_interactions_SS_simpleFormat_v1.0.tsv"]
    write_simple_format(files[0], "Homo sapiens", trrust_pairs(src / "trrust" / "trrust_rawdata.human.tsv"), hs,
                        hs_to_mm)
    write_simple_format(files[1], "Mus musculus", trrust_pairs(src / "trrust" / "trrust_rawdata.mouse.tsv"), mm,
                        mm_to_hs)
    target = location or str(folder / "release")
    import_files(files, target, version="trrust-test")
    return target
