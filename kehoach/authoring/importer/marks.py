"""Names given back their Vietnamese marks when OCR lost them, only where the right spelling
is certain: the issuer and the place of the header, once the locality is known from the
official list ("Uy ban nhan dan tinh Ha Tinh" → "Ủy ban nhân dân tỉnh Hà Tĩnh"), and a unit's name
that is, letter for letter but a few OCR slips, the name of a unit of a plan already in plans/
("S& Khoa hgc va Cong nghé" → "Sở Khoa học và Công nghệ"). The rest of an OCR'd text is left
as read, for the clerk to correct (the review list says so)."""

from __future__ import annotations

from difflib import get_close_matches

from kehoach.authoring.importer.unitmerge import name_key
from kehoach.source.localities import Gazetteer, Locality
from kehoach.vietnamese import fold


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def issuer_with_marks(issuer: str, locality: Locality) -> str:
    """The official name of the locality's People's Committee when ``issuer`` is it, written
    without marks; ``issuer`` itself otherwise."""
    official = f"Ủy ban nhân dân {locality.name[:1].lower()}{locality.name[1:]}"
    return official if _same(issuer, official) else issuer


def place_with_marks(place: str, locality: Locality, gazetteer: Gazetteer) -> str:
    """"Ha Tinh" of "Ha Tinh, ngay 06 …" → "Hà Tĩnh", the locality's or its province's name."""
    names = [locality.short_name]
    if gazetteer.has_province(locality.province_code):
        names.append(gazetteer.province(locality.province_code).short_name)
    return next((name for name in names if _same(place, name)), place)


# How close an OCR'd name must be to a known one: "s& khoa hgc va cong nghe" is 0.92 of
# "so khoa hoc va cong nghe"; "so tai chinh" is 0.55 of "so tu phap".
SAME_NAME = 0.85


def unit_with_marks(name: str, known_names: dict[str, str]) -> str | None:
    """The known unit's name (``known_names``: name_key → name) that ``name`` is."""
    close = get_close_matches(name_key(name), list(known_names), n=1, cutoff=SAME_NAME)
    return known_names[close[0]] if close else None
