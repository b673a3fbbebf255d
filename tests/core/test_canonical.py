import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropout_ledger import canonical
from dropout_ledger.canonical import CanonicalError

VECTORS = json.loads((Path(__file__).parents[1] / "data" / "canonical_vectors.json").read_text())


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_golden_vectors_encode_to_the_pinned_bytes(vector):
    encoded = canonical.encode(vector["value"])
    assert encoded.hex() == vector["utf8_hex"]
    assert canonical.sha256_hex(encoded) == vector["sha256"]
    assert canonical.decode(encoded) == vector["value"]


def test_the_rule_written_out_by_hand():
    value = {"b": [1, "二"], "a": {"d": None, "c": True}, "e": "\b\f\r"}
    assert canonical.encode(value) == '{"a":{"c":true,"d":null},"b":[1,"二"],"e":"\\b\\f\\r"}'.encode()


@pytest.mark.parametrize(
    "value",
    [1.5, {"x": 0.1}, 2**60, unicodedata.normalize("NFD", "é"), {"名": 1}, {1: "a"}, b"raw"],
)
def test_values_outside_the_subset_are_refused(value):
    with pytest.raises(CanonicalError):
        canonical.encode(value)


def test_decode_refuses_bytes_that_are_not_canonical():
    with pytest.raises(CanonicalError):
        canonical.decode(b'{"b":1, "a":2}')
    with pytest.raises(CanonicalError):
        canonical.decode(b'{"a":1.0}')


_text = st.text(st.characters(blacklist_categories=("Cs",))).map(canonical.nfc)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | _text,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text("abcdefgh_xyz", min_size=1, max_size=6), children, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_encoding_round_trips_and_is_stable(value):
    encoded = canonical.encode(value)
    assert canonical.decode(encoded) == value
    assert canonical.encode(canonical.decode(encoded)) == encoded


@given(st.dictionaries(st.text("abcxyz", min_size=1, max_size=3), st.integers(-1000, 1000), min_size=2))
def test_key_order_of_the_input_does_not_matter(value):
    reordered = dict(reversed(list(value.items())))
    assert canonical.encode(reordered) == canonical.encode(value)
