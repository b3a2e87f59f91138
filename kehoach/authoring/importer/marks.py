"""Names given back their Vietnamese marks when OCR lost them, only where the right spelling
is certain: the issuer and the place of the header, once the locality is known from the
official list ("Uy ban nhan dan tinh Ha Tinh" → "Ủy ban nhân dân tỉnh Hà Tĩnh"). The rest of
an OCR'd text is left as read, for the clerk to correct (the review list says so)."""

from __future__ import annotations

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
