"""A person's gender from the given name, where the name tells it.

Pronoun resolution needs the gender of the people in view ("On 23 September
she held talks with Premier Zhao Ziyang. On 24 September she met Deng": the
woman is Margaret Thatcher, named a sentence earlier). An article rarely says
it in so many words, but most given names do. gender-guesser carries Jörg
Michael's dictionary of some 40,000 given names across countries; only its
firm answers count ("female", "male"): a name it calls androgynous or mostly
one gender ("Kim", "Jean" in some countries), or one it does not know
("Zhao", where the family name comes first), tells nothing.
"""
from __future__ import annotations

from functools import lru_cache

GUESSER_GENDER = {"female": "f", "male": "m"}


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(full_name: str) -> str | None:
    """"m" or "f" for a full name whose first word is a given name of one gender, else None.
    A single word is a surname as often as a given name ("Thatcher", "Ali"): it tells nothing."""
    words = full_name.split()
    if len(words) < 2 or not words[0].isalpha() or not words[0][0].isupper():
        return None
    return GUESSER_GENDER.get(_detector().get_gender(words[0]))
