"""File names from the page: refused before anything touches the disk (issue 9, item 9)."""

from __future__ import annotations

import pytest

from reactive.errors import RemoteProtocolError
from reactive.protocol.messages import Input, Upload, parse_client_message
from reactive.protocol.names import MAX_NAME_BYTES, check_file_name


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("..", "folder"),
        (".", "folder"),
        ("a/..", "folder"),
        ("a\\..", "folder"),
        ("x\x00.wav", "NUL"),
        ("é" * 128, "255 bytes"),
    ],
)
def test_names_no_file_can_have_are_refused(name: str, why: str) -> None:
    with pytest.raises(RemoteProtocolError) as info:
        check_file_name(name, "doc")
    assert (info.value.code, info.value.component) == ("bad_value", "doc")
    assert why in str(info.value)


@pytest.mark.parametrize("name", ["a.wav", "..a", "a..b.txt", "x" * MAX_NAME_BYTES, "ünï.txt"])
def test_ordinary_names_pass(name: str) -> None:
    check_file_name(name, "doc")


def test_an_upload_first_part_is_checked_by_the_parser() -> None:
    part = {"t": "upload", "c": "a", "u": 1, "i": 0, "d": b"", "last": True, "mime": "", "size": 0}
    assert isinstance(parse_client_message(part | {"name": "a.wav"}), Upload)
    with pytest.raises(RemoteProtocolError, match="NUL"):
        parse_client_message(part | {"name": "a\x00"})


def test_file_values_in_an_input_are_checked_by_the_parser() -> None:
    ok = {"name": "a.txt", "mime": "", "data": b""}
    assert isinstance(parse_client_message({"t": "input", "c": "f", "v": [ok]}), Input)
    with pytest.raises(RemoteProtocolError, match="folder"):
        parse_client_message({"t": "input", "c": "f", "v": [ok, ok | {"name": ".."}]})
    # a plain text input that happens to be ".." is not a file name
    assert parse_client_message({"t": "input", "c": "t", "v": ".."}) == Input("t", "..")
