"""A large archive's cards are drawn by worker processes: every card still arrives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image

from sawt.config import load_site_config
from sawt.data.load import load_archive
from sawt.data.synthetic import write_synthetic_archive
from sawt.machinery.caches import Caches
from sawt.outputs import cards
from sawt.stages import share_cards
from sawt.stages.context import BuildContext
from sawt.stages.share_cards import CARDS_PER_PROCESS_POOL


def test_cards_drawn_in_worker_processes_all_arrive(tmp_path: Path):
    write_synthetic_archive(tmp_path / "data", CARDS_PER_PROCESS_POOL // 2 + 20, 1)
    archive = load_archive(tmp_path / "data", today=date(2026, 1, 1))
    assert 2 * len(archive.cases) >= CARDS_PER_PROCESS_POOL  # the pool path is taken
    config = load_site_config(Path(__file__).resolve().parents[2] / "mkdocs.yml", site_url="https://example.org/")
    share_cards.run(BuildContext(
        config=config, archive=archive, today=date(2026, 1, 1), site_dir=tmp_path / "site", published_dir=None,
        caches=Caches(tmp_path / ".cache", {"cards": cards.cache_generation(cards.CardFonts(config.font_dir))}), frames={}, stories={},
        engine_paths=set(), page_policies=set(), share_block=lambda case, lang: "", cards_ahead=None))
    for lang in ("en", "ar"):
        drawn = sorted(p.stem for p in (tmp_path / "site/assets/cards" / lang).glob("*.png"))
        assert drawn == sorted(["_site", *(case.slug for case in archive.cases)])
    with Image.open(next((tmp_path / "site/assets/cards/ar").glob("test-*.png"))) as card:
        assert card.size == (1200, 630)
