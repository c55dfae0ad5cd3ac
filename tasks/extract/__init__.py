"""The extract step: articles in, contract events out (see ../shared/spec/events.md)."""
from tasks.extract.events import Event, Participant
from tasks.extract.pipeline import extract_articles, extract_records, extractor_version

__all__ = ["Event", "Participant", "extract_articles", "extract_records", "extractor_version"]
