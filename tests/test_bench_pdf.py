"""The PDF benchmark's trades: each layout choice is measured by giving it up through
book_pdf's own options, in alternation with the book as it is (scripts/bench_pdf.py)."""

from __future__ import annotations

from pathlib import Path

import bench_pdf
from bench_pdf import TRADES, Bench, Timing, measure_trades


def test_each_trade_gives_up_exactly_its_choice_and_reports_its_cost(tmp_path, monkeypatch, capsys):
    runs: list[tuple[list[str], str]] = []

    def fake_time_ours(site: Path, out: Path, font_cache: Path, extra=None) -> Timing:
        extra = extra or []
        sheet = ""
        if "--stylesheet" in extra:
            sheet = Path(extra[extra.index("--stylesheet") + 1]).read_text(encoding="utf-8")
        runs.append((extra, sheet))
        assert font_cache.is_dir() and not any(font_cache.iterdir()), "every run starts cold"
        # the book as it is takes 7 s; each choice given up saves 0.1 s per flag or CSS line
        saved = 0.1 * (len([f for f in extra if f.startswith("--un")]) + len(sheet.splitlines()))
        return Timing(cpu=7.0 - saved, wall=1.0)

    monkeypatch.setattr(bench_pdf, "time_ours", fake_time_ours)
    bench = Bench(Path("m2p"), tmp_path, tmp_path, tmp_path, tmp_path, warm_font_cache=False)
    measure_trades(bench, ours_s=7.0, theirs_s=10.0, pairs=2)
    out = capsys.readouterr().out
    assert out.count("+0.10 s") == len(TRADES)  # each trade alone
    assert "all of the above: +0.50 s; without it, ratio 0.65" in out
    given_up = [(extra, sheet) for extra, sheet in runs if extra]
    assert len(runs) == 2 * 2 * (len(TRADES) + 1) and len(given_up) == 2 * (len(TRADES) + 1)
    assert (["--untagged"], "") in given_up and (["--uncompressed"], "") in given_up
    sheets = {sheet for _, sheet in given_up}
    assert "html { text-align: left; }" in sheets and "html { hyphens: manual; }" in sheets
