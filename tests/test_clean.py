"""Cleaning: main text without boilerplate, metadata, identity, language,
topics, and copies linked to the first article instead of kept twice."""
from __future__ import annotations

import pytest

from tasks.clean import (
    ArticleSkipped,
    canonical_url,
    clean_document,
    clean_documents,
    normalize_text,
)
from tasks.dedupe import Deduplicator
from tasks.fetch.documents import RawDocument
from tests.httpserver import BOILERPLATE_MARKERS, article_page, story
from tests.test_dedupe import OTHER, SYNDICATED, WIRE


def html_doc(uri, html, **metadata):
    return RawDocument("web", uri, html, "text/html", {"url": uri, **metadata})


def text_doc(uri, text, **metadata):
    return RawDocument("local", uri, text, "text/plain", {"location_key": f"local/{uri}", **metadata})


@pytest.mark.parametrize("url, expected", [
    ("https://WWW.Example.ORG:443/news/a?utm_source=rss&utm_medium=feed#comments", "https://www.example.org/news/a"),
    ("http://example.org:80/a?fbclid=xyz&gclid=1", "http://example.org/a"),
    ("http://example.org:8080/a", "http://example.org:8080/a"),
    ("https://example.org/news.php?story=55&ref=twitter", "https://example.org/news.php?story=55"),
    ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
    ("https://example.org", "https://example.org/"),
])
def test_canonical_urls(url, expected):
    assert canonical_url(url) == expected


def test_canonical_url_leaves_non_web_identifiers_alone():
    assert canonical_url("a.jsonl:3") == "a.jsonl:3"
    assert canonical_url(None) is None and canonical_url("") is None


def test_two_articles_of_one_script_keep_two_urls():
    # courlan's strict mode would fold both into news.php and give them one id.
    assert canonical_url("https://x.org/news.php?story=1") != canonical_url("https://x.org/news.php?story=2")


def test_normalize_text():
    raw = "Cafe\u0301  talks\u00ad\r\n\r\n\r\n  “Quoted”\tline \u200b\n"
    assert normalize_text(raw) == "Café talks\n“Quoted” line"


def test_a_page_is_cut_down_to_its_story_and_metadata():
    page = article_page("Sharaa meets Putin in Moscow", story(1), author="Jane Reporter", published="2025-10-15")
    article = clean_document(html_doc("https://news.example/a?utm_campaign=x", page))
    assert "ministers from Turkey and Iraq signed an agreement on grain" in article.text
    for marker in BOILERPLATE_MARKERS:
        assert marker not in article.text
    assert article.title == "Sharaa meets Putin in Moscow"
    assert (article.author, article.published, article.source) == ("Jane Reporter", "2025-10-15", "The Daily Example")
    assert article.url == "https://news.example/a"
    assert article.language == "en"


def test_metadata_from_the_source_wins_over_the_page():
    page = article_page("Page title", story(2))
    article = clean_document(html_doc("https://news.example/b", page, title="Feed title",
                                      published="Wed, 15 Oct 2025 22:30:00 GMT", source="Kurdistan24"))
    assert (article.title, article.published, article.source) == ("Feed title", "2025-10-15", "Kurdistan24")


def test_an_html_fragment_is_cleaned_too():
    article = clean_document(html_doc("https://news.example/c", "<p>" + "</p><p>".join(story(3)) + "</p>"))
    assert article.text.startswith("Story number 3: ministers")


def test_identity_is_stable_and_comes_from_id_then_url_then_place():
    page = article_page("T", story(4))
    a = clean_document(html_doc("https://news.example/d?utm_source=x", page))
    b = clean_document(html_doc("https://NEWS.example/d#top", page))
    assert a.article_id == b.article_id
    assert clean_document(text_doc("x.txt", " ".join(story(4)), id="given-7")).article_id == "given-7"
    assert clean_document(text_doc("x.txt", " ".join(story(4)))).article_id != clean_document(text_doc("y.txt", " ".join(story(4)))).article_id


@pytest.mark.parametrize("doc, reason", [
    (RawDocument("s", "e.html", "<html><body><nav>Home</nav></body></html>", "text/html"), "empty body: no main text found"),
    (RawDocument("s", "fr.txt", "Le président syrien Ahmed al-Charaa a rencontré mercredi à Moscou son homologue russe "
                 "Vladimir Poutine, lors de sa première visite officielle en Russie. Les deux dirigeants ont évoqué "
                 "l'avenir des bases militaires russes en Syrie et la reconstruction du pays."), "not English (detected fr)"),
])
def test_skips_carry_their_reason(doc, reason):
    with pytest.raises(ArticleSkipped) as skipped:
        clean_document(doc)
    assert skipped.value.reason == reason and skipped.value.uri == doc.uri


def test_topic_filter_matches_words_and_their_demonyms():
    doc = text_doc("t.txt", WIRE)  # says "Syrian" and "Russian", never "Syria" or "Russia"
    assert clean_document(doc, ("Syria",)).article_id
    assert clean_document(doc, ("kremlin",)).article_id
    assert clean_document(text_doc("o.txt", OTHER), ("Iraq",)).article_id  # "Iraqi"
    with pytest.raises(ArticleSkipped, match="off topic: mentions none of Iran, Rus"):
        clean_document(doc, ("Iran", "Rus"))  # "Rus" is not a word of "Russian"
    assert clean_document(doc, ()).article_id  # no topics: everything is on topic


def test_an_exact_copy_under_another_url_is_linked_not_kept():
    page = article_page("Same story", story(5))
    result = clean_documents([html_doc("https://a.example/s", page), html_doc("https://b.example/copy", page)])
    [kept] = result.articles
    [copy] = result.duplicates
    assert copy.uri == "https://b.example/copy"
    assert copy.reason == f"duplicate of {kept.article_id} (exact copy)"
    assert copy.duplicate_of.article_id == kept.article_id
    assert copy.article.duplicate_of == kept.article_id and copy.article.url == "https://b.example/copy"
    assert kept.duplicate_of is None


def test_a_syndicated_copy_is_linked_to_the_first():
    docs = [text_doc("wire.txt", WIRE), text_doc("other.txt", OTHER), text_doc("copy.txt", SYNDICATED)]
    result = clean_documents(docs)
    assert [a.uri for a in result.articles] == ["wire.txt", "other.txt"]
    [copy] = result.skipped
    assert copy.reason.startswith(f"duplicate of {result.articles[0].article_id} (near copy, similarity 0.")


def test_copies_of_earlier_runs_are_found_with_a_shared_index():
    index = Deduplicator()
    first = clean_documents([text_doc("wire.txt", WIRE)], dedupe=index)
    second = clean_documents([text_doc("copy.txt", SYNDICATED)], dedupe=index)
    assert second.articles == []
    assert second.duplicates[0].duplicate_of.article_id == first.articles[0].article_id


def test_the_same_article_twice_in_a_batch_is_kept_once():
    docs = [text_doc("a.txt", WIRE, id="7"), text_doc("b.txt", WIRE + " Updated.", id="7")]
    result = clean_documents(docs)
    assert [a.uri for a in result.articles] == ["a.txt"]
    assert result.skipped[0].reason == "duplicate: the same article twice in this batch"


def test_an_updated_article_at_the_same_url_is_not_a_copy_of_itself():
    index = Deduplicator()
    clean_documents([html_doc("https://a.example/live", article_page("Live", story(6)))], dedupe=index)
    updated = clean_documents([html_doc("https://a.example/live", article_page("Live", story(6) + ["A new paragraph."]))], dedupe=index)
    assert len(updated.articles) == 1 and updated.skipped == []
