"""The bench's own pure functions, on tiny inline data (no corpora, no timing)."""
import types

import pytest

from bench import corpora, geotext_peer, report, runner, scoring


def _scorer():
    mod = corpora.load_scorer()
    if mod is None:
        pytest.skip("../shared/tools/score.py not present")
    return mod


def _gold():
    text = "Kim met Putin in Moscow on Friday, then flew to Paris."
    assert (text.index("Moscow"), text.index("Friday"), text.index("Paris")) == (17, 27, 48)
    return [{"id": "d1", "text": text, "doc_date": "2023-10-13", "lang": "en",
             "toponyms": [{"start": 17, "end": 23, "text": "Moscow", "name": "Moscow", "lat": 55.75, "lon": 37.62},
                          {"start": 48, "end": 53, "text": "Paris", "name": "Paris", "lat": 48.85, "lon": 2.35}],
             "timexes": [{"start": 27, "end": 33, "text": "Friday", "value": "2023-10-13"}]}]


def _pred():
    place = lambda name, s, e, lat, lon: {"name": name, "geonameid": None, "lat": lat, "lon": lon,  # noqa: E731
                                         "country_code": "US", "feature": "city", "text": None, "start": s,
                                         "end": e, "confidence": 0.9}
    text = _gold()[0]["text"]
    places = [place("Moscow", 17, 23, 46.73, -117.0), place("Kim", 0, 3, 1.0, 1.0)]
    for p in places:
        p["text"] = text[p["start"]:p["end"]]
    return {"documents": [{"id": "d1", "lang": "en", "doc_date": "2023-10-13", "places": places,
                           "timexes": [{"text": "Friday", "start": 27, "end": 33, "value": "2023-10-12",
                                        "anchored": True}], "events": []}], "errors": []}


def test_categorise_adds_up_to_the_scorer_counts():
    scorer = _scorer()
    gold, pred = _gold(), _pred()
    summary = scoring.summarise(scorer, gold, pred)
    cats = scoring.categorise(scorer, gold, pred)
    c = summary["counts"]
    assert len(cats["missed_place"]) == c["gold_places"] - c["tp_places"] == 1
    assert cats["missed_place"][0]["surface"] == "Paris"
    assert len(cats["spurious_place"]) == c["pred_places"] - c["tp_places"] == 1
    assert len(cats["wrong_resolution"]) == c["gold_resolvable"] - c["resolved"] == 1
    wrong = cats["wrong_resolution"][0]
    assert wrong["surface"] == "Moscow" and wrong["km"] > 8000
    assert len(cats["wrong_timex_value"]) == c["timex_found"] - c["timex_value"] == 1
    assert "**Moscow**" in wrong["context"]


def test_kinds_a_corpus_does_not_annotate_are_not_errors():
    scorer = _scorer()
    gold = [dict(_gold()[0])]
    del gold[0]["timexes"]
    pred = _pred()
    pred["documents"][0]["events"] = [{"id": "e", "type": "meeting", "date_start": None, "date_end": None,
                                       "location": None, "evidence": "x"}]
    cats = scoring.categorise(scorer, gold, pred)
    assert "spurious_timex" not in cats and "spurious_event" not in cats
    assert len(cats["spurious_place"]) == 1


def test_load_gold_sets_timeml_events_aside(tmp_path):
    scorer = _scorer()
    path = tmp_path / "te.jsonl"
    path.write_text('{"id": "t", "text": "today", "lang": "en", "timexes": [{"start": 0, "end": 5, '
                    '"value": "2020-01-01"}], "events": [{"start": 0, "end": 5, "class": "OCCURRENCE"}]}\n')
    docs = corpora.load_gold(scorer, corpora.Corpus("te", path, "en", "timex", True))
    assert "events" not in docs[0] and docs[0]["timeml_events"]
    assert docs[0]["timexes"][0]["text"] == "today"  # the scorer's load_gold filled it in
    result = {"documents": [{"id": "t", "lang": "en", "doc_date": "2020-01-01", "places": [], "events": [],
                             "timexes": [{"text": "today", "start": 0, "end": 5, "value": "2020-01-01"}]}]}
    assert scoring.summarise(scorer, docs, result)["timex_value_acc"] == 1.0


def test_extract_input_keeps_only_what_score_py_sends():
    docs = corpora.extract_input(_gold())
    assert docs == [{"id": "d1", "text": _gold()[0]["text"], "doc_date": "2023-10-13", "lang": "en"}]


def test_context_marks_the_span_and_stays_on_one_line():
    text = "line one\nWe went to Berlin | then home.\n"
    s = text.index("Berlin")
    out = scoring.context(text, s, s + 6, width=10)
    assert "**Berlin**" in out and "\n" not in out and "|" not in out
    assert out.startswith("…") and out.endswith("…")


def test_top_surfaces_and_sample():
    items = [{"surface": "Paris", "pred": "Paris (US, city)", "gold": "Paris (FR)", "km": 7000.0},
             {"surface": "Paris", "pred": "Paris (US, city)", "gold": "Paris (FR)", "km": 7100.0},
             {"surface": "Rom", "pred": "Rom (SE, city)", "gold": "Rome", "km": 2000.0}]
    rows = scoring.top_surfaces(items)
    assert [(r["surface"], r["count"]) for r in rows] == [("Paris", 2), ("Rom", 1)]
    assert rows[0]["detail"] == "Paris (US, city) → Paris (FR)" and rows[0]["median_km"] == 7100.0
    many = [{"surface": str(i)} for i in range(100)]
    smp = scoring.sample(many, 10)
    assert len(smp) == 10 and smp[0]["surface"] == "0" and smp[-1]["surface"] == "90"
    assert scoring.sample(many[:3], 10) == many[:3]


def test_chunks_cover_everything_in_order():
    items = list(range(10))
    parts = runner.chunks(items, 3)
    assert [x for p in parts for x in p] == items and len(parts) == 3
    assert runner.chunks(items, 50) == [[i] for i in items]
    assert runner.chunks([], 4) == []
    merged = runner.merge_results([{"result": {"documents": [1], "errors": []}},
                                   {"result": {"documents": [2], "errors": ["e"]}}])
    assert merged == {"documents": [1, 2], "errors": ["e"]}


def test_format_func_shortens_paths():
    root = str(corpora.ROOT)
    assert runner.format_func(f"{root}/extract/places.py", 12, "recognize") == "extract/places.py:12(recognize)"
    assert runner.format_func("/x/lib/python3.11/site-packages/spacy/language.py", 5, "f") == "spacy/language.py:5(f)"
    assert runner.format_func("~", 0, "<built-in method len>") == "<built-in method len>"


def test_geotext_spans_follow_each_name_in_order():
    text = "Paris and Georgia; later Paris again. Parisian food."
    spans = geotext_peer.spans_for_names(text, ["Georgia", "Paris", "Paris", "Georgia", "Paris"])
    assert [(text[s:e], s) for s, e, _ in spans] == [("Paris", 0), ("Georgia", 10), ("Paris", 25)]


def test_geotext_most_populous_and_mention():
    P = types.SimpleNamespace
    small = P(place=P(population=10, name="Paris, Texas"))
    big = P(place=P(population=2_000_000, name="Paris"))
    assert geotext_peer.most_populous([small, big]) is big
    assert geotext_peer.most_populous([]) is None
    m = geotext_peer.mention("in Xyz", 3, 6, None)
    assert m["text"] == "Xyz" and m["lat"] is None and m["start"] == 3


def test_table_and_fmt():
    md = report.table(["a", "b"], [[1, "x|y"], [None, "z\nw"]])
    assert md.splitlines() == ["| a | b |", "|---|---|", "| 1 | x/y |", "| None | z w |"]
    assert report.fmt(None) == "–" and report.fmt(0.5) == "0.50" and report.fmt(3, suffix=" s") == "3 s"
    assert report.rate(10, 2.0) == 5.0 and report.rate(10, 0) is None


def _summary(**kw):
    counts = dict(docs=1, missing_docs=0, gold_places=2, pred_places=2, tp_places=1, resolved=0,
                  gold_resolvable=1, gold_timex=0, timex_found=0, timex_value=0, gold_dates=0, date_value=0,
                  pred_timex=0, timex_spurious=0, gold_events=0, events_found=0, pred_events=0,
                  events_spurious=0, contract=0)
    s = dict(documents=1, missing_documents=0, place_precision=0.5, place_recall=0.5, place_f1=0.5, acc161=0.0,
             geoparse_f1=0.0, timex_recall=0, timex_value_acc=0, timex_precision=0, timex_date_value_acc=0,
             event_recall=0, event_precision=0, contract_problems=0, counts=counts)
    s.update(kw)
    return s


def test_errors_md_lists_each_category():
    cats = {"missed_place": [{"doc": "d1", "surface": "Paris", "gold": "Paris (FR)", "context": "to **Paris**."}],
            "wrong_resolution": [{"doc": "d1", "surface": "Moscow", "pred": "Moscow (US, city)",
                                  "gold": "Moscow", "km": 8400.0, "context": "in **Moscow**"}]}
    md = report.errors_md("tiny", _summary(), cats)
    assert "# Errors on `tiny`" in md
    assert "## Missed places" in md and "## Wrong resolutions" in md and "Spurious places" not in md
    assert "| Moscow | 1 | Moscow (US, city) → Moscow | 8400 |" in md


def test_results_md_has_header_peers_speed_and_goals():
    speed_row = {"docs": 10, "chars": 40960, "wall": 2.0, "cpu": 1.0}
    r = {"generated": "2026-01-01T00:00:00+00:00", "command": "python -m bench", "mode": "full corpora",
         "elapsed_s": 60.0,
         "machine": {"cpu": "Test CPU", "cores": 2, "ram_gb": 8.0, "python": "3.11", "platform": "linux",
                     "loadavg": [0.1, 0.1, 0.1], "git": "abc123", "code": "c1", "code_end": "c2"},
         "corpora": {"lgl_en": {"kind": "places", "lang": "en", "bench": True,
                                "summary": _summary(place_f1=0.81, acc161=0.7)}},
         "speed": {"single": {"lgl_en": speed_row}, "rss_single_mb": 500.0,
                   "jobs": {"n": 2, "corpora": {"lgl_en": dict(speed_row, wall=1.0)}, "identical": True,
                            "rss_mb": 450.0}},
         "startup": {"repeats": 3, "gazetteer_load_s": 1.5, "gazetteer_process_wall_s": 1.9},
         "geotext": {"import_s": 0.2, "lgl_en": {"docs": 10, "chars": 40960, "names_s": 0.1, "resolve_s": 0.1,
                                                 "summary": _summary(place_f1=0.4)}},
         "profile": {"what": "lgl_en[:10]", "docs": 10, "wall": 1.0, "total": 1.0,
                     "by_own": [{"func": "extract/places.py:1(f)", "ncalls": 3, "tottime": 0.5, "cumtime": 0.9}],
                     "by_cum": [{"func": "extract/places.py:1(f)", "ncalls": 3, "tottime": 0.5, "cumtime": 0.9}],
                     "stages": {"events": 0.4, "timexes": 0.1}}}
    md = report.results_md(r)
    assert "Test CPU, 2 cores, 8.0 GB RAM" in md and "`python -m bench`" in md
    assert "| **Lagebild** (this run) | 0.81 | 0.70 |" in md
    assert "| StanfordNER (+ population) | 0.77 | 0.57 | 0.73 | 0.69 |" in md and "EUPEG" in md
    assert "| lgl_en | 10 | 40 | 2.0 | 5.0 | 20 | 5.0 | 10.0 |" in md  # single process row
    assert "| 2.00 |" in md  # jobs speed-up
    assert "| cold start until the gazetteer is ready | ≤ 2 s | 1.50 s" in md and "| yes |" in md
    assert "`extract/places.py:1(f)`" in md
    assert "changed during the run" in md
    assert "| events | 0.40 | 40.0 |" in md and "| other (CLI input, language detection, glue) | 0.50 | 50.0 |" in md


def test_bench_skips_cleanly_without_shared(tmp_path, monkeypatch, capsys):
    from bench import cli

    monkeypatch.setenv("LAGEBILD_SHARED_DIR", str(tmp_path / "nowhere"))
    assert cli.main(["--quick", "1", "--out", str(tmp_path / "out")]) == 0
    assert "skipping" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_peer_numbers_match_the_shared_readme():
    readme = corpora.shared_dir() / "bench" / "README.md"
    if not readme.is_file():
        pytest.skip("../shared/bench/README.md not present")
    text = readme.read_text(encoding="utf-8")
    from bench import peers

    for name, *vals in peers.GEOPARSERS:
        assert f"| {name} | " + " | ".join(f"{v:.2f}" for v in vals) + " |" in text


# --- scale figures (bench/scale_report.py) -------------------------------------------

def _run(label, rate, jobs=1, n_input=100_000):
    return {"label": label, "jobs": jobs, "input": n_input, "n": 58_000, "events": 160_000,
            "seconds": 58_000 / rate, "rate": rate, "peak_mb": 500.0, "rerun_seconds": 3.0,
            "rerun_skipped": n_input, "date": "2026-11-27", "commit": "abc1234"}


def test_scale_runs_merge_by_label_and_never_mix_sizes():
    from bench import scale_report

    old = scale_report.merge({}, [_run("jobs1", 80.0), _run("dask2", 120.0, 2)], {})
    new = scale_report.merge(old, [_run("jobs1", 90.0)], {})
    assert new["runs"]["jobs1"]["rate"] == 90.0 and "dask2" in new["runs"]
    other_size = scale_report.merge(new, [_run("jobs2", 50.0, 2, n_input=1500)], {})
    assert list(other_size["runs"]) == ["jobs2"]
    # writers alone keep the runs
    assert scale_report.merge(new, [], {"sqlite-1": {"backend": "sqlite", "writers": 1,
                                                     "docs_s": 900.0}})["runs"] == new["runs"]


@pytest.mark.parametrize("runs, per_core, eff, best", [
    ([_run("jobs1", 100.0), _run("jobs2", 150.0, 2)], 100.0, 0.75, "jobs2"),
    ([_run("jobs1", 100.0), _run("jobs2", 150.0, 2), _run("dask2", 180.0, 2)], 100.0, 0.90, "dask2"),
    ([_run("jobs1", 100.0), _run("jobs2", 230.0, 2)], 100.0, 1.00, "jobs2"),   # capped at 100%
    ([_run("jobs1", 100.0)], 100.0, 1.00, None),
])
def test_projection_from_the_measured_runs(runs, per_core, eff, best):
    from bench import scale_report

    data = scale_report.merge({}, runs, {"sqlite-1": {"backend": "sqlite", "writers": 1,
                                                      "docs_s": 1000.0}})
    p = scale_report.projection(data, nodes=16, cores=8)
    assert (p["per_core"], p["best"]) == (per_core, best)
    assert p["eff"] == pytest.approx(eff)
    assert p["extract_rate"] == pytest.approx(16 * 8 * per_core * eff)
    # the single writer is slower than the cluster: it sets the client-writes time
    assert p["client_hours"] == pytest.approx(10_000_000 / 1000.0 / 3600)
    text = "\n".join(scale_report.ingest_md(data))
    assert "10,000,000 articles on a 16-node cluster" in text and "| jobs1 | 58,000 |" in text


def test_no_projection_without_a_one_process_run():
    from bench import scale_report

    assert scale_report.projection(scale_report.merge({}, [_run("dask2", 100.0, 2)], {})) is None


# --- page timings (bench/page.py; measured in a browser, rendered here) ------------------

def _page_run(commit, ready, filt, load=(1.0, 1.0, 1.0)):
    sizes = {str(n): {"events": n, "shown": min(n, 1500), "ready_s": r, "filter_s": f,
                      "ready_median_s": sorted(r)[len(r) // 2], "filter_median_s": sorted(f)[len(f) // 2]}
             for n, r, f in zip((1000, 10000), ready, filt)}
    return {"generated": "2026-12-02T13:00:00+00:00", "command": "python -m bench.page",
            "machine": {"commit": commit, "cores": 2, "loadavg": list(load), "loadavg_end": [2.0]},
            "sizes": sizes}


@pytest.mark.parametrize("data,expect", [
    ({}, []),
    ({"current": _page_run("abc", ([3.0, 2.0, 4.0], [3.5]), ([0.5], [0.9])),
      "before": _page_run("old", ([6.0], [11.0]), ([1.5], [2.0]), load=(0.5, 0, 0))},
     ["## Page timings", "`python -m bench.page`",
      "| before | old | 2026-12-02 13:00 | 0.5 / 2.0 | 6.00 s (6.0) | 11.00 s (11.0) |",
      "| current | abc | 2026-12-02 13:00 | 1.0 / 2.0 | 3.00 s (3.0, 2.0, 4.0) | 3.50 s (3.5) | 0.50 s (0.5) |",
      "10,000 events: 1,500 in the first window"]),
])
def test_page_timings_section(data, expect):
    from bench import page

    md = "\n".join(page.page_md(data))
    for part in expect:
        assert part in md
    if not expect:
        assert md == ""
    else:  # rows in the order of page.ORDER: before first
        assert md.index("| before |") < md.index("| current |")
