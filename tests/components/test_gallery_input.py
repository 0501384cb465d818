"""Gallery as an input: uploaded pictures arrive as (image, caption) pairs of the asked type."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as rx
from reactive.errors import DefinitionError, InvalidValue


def upload(colour: str, name: str, caption: str | None = None) -> dict[str, object]:
    buffer = io.BytesIO()
    PILImage.new("RGB", (5, 4), colour).save(buffer, "PNG")
    item: dict[str, object] = {"mime": "image/png", "data": buffer.getvalue(), "name": name}
    return item | ({"caption": caption} if caption else {})


def test_uploads_become_file_paths_with_captions_by_default() -> None:
    pairs = rx.Gallery(interactive=True).preprocess(
        [upload("red", "a.png", "first"), upload("blue", "b.png")]
    )
    assert pairs is not None
    (first, caption), (second, none) = pairs
    assert (caption, none) == ("first", None)
    assert Path(first).suffix == ".png"
    with PILImage.open(second) as image:
        assert image.getpixel((0, 0)) == (0, 0, 255)


def test_numpy_and_pil_types() -> None:
    pairs = rx.Gallery(type="numpy").preprocess([upload("red", "a.png")])
    assert pairs is not None
    array, _ = pairs[0]
    assert isinstance(array, np.ndarray)
    assert array.shape == (4, 5, 3)
    pil = rx.Gallery(type="pil").preprocess([upload("red", "a.png")])
    assert pil is not None
    assert pil[0][0].size == (5, 4)


def test_bad_pictures_and_types_are_refused() -> None:
    with pytest.raises(InvalidValue, match="list of pictures"):
        rx.Gallery().preprocess("nope")
    with pytest.raises(InvalidValue, match="no image bytes"):
        rx.Gallery().preprocess([{"mime": "image/png", "data": "x"}])
    with pytest.raises(DefinitionError, match="Gallery type"):
        rx.Gallery(type="tensor")  # type: ignore[arg-type]


def test_an_untouched_gallery_gives_the_authors_pictures_as_pairs() -> None:
    gallery = rx.Gallery([("cat.png", "a cat"), "dog.png"])
    assert gallery.initial_python_value() == [("cat.png", "a cat"), ("dog.png", None)]
