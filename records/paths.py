"""Where the bundled data lives: ``data/`` beside the packages, found from this file,
never from the working directory."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
LEXICON_DIR = DATA_DIR / "lexicon"
DEMO_DIR = DATA_DIR / "demo"
