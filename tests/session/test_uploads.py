"""Files uploaded in parts: order, size limits, replaced uploads, stray parts."""

from __future__ import annotations

from pathlib import Path

import pytest

import reactive as rx
from reactive.errors import RemoteProtocolError
from reactive.media.limits import UploadBudget
from reactive.protocol.messages import Upload
from reactive.session.uploads import Uploads, safe_name
from reactive.testing import AppTester


def parts(upload: int, data: bytes, size: int = 4, name: str = "a.wav") -> list[Upload]:
    chunks = [data[i : i + size] for i in range(0, len(data), size)] or [b""]
    out = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        meta = (name, "audio/wav", len(data)) if index == 0 else (None, None, None)
        out.append(Upload("clip", upload, index, chunk, last, *meta))
    return out


def test_parts_make_the_file(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    results = [uploads.receive(p) for p in parts(1, b"0123456789")]
    assert [r[0] for r in results if r] == [4, 8, 10]
    done = results[-1]
    assert done is not None
    assert done[1] is not None
    file = done[1]
    assert file.path.read_bytes() == b"0123456789"
    assert (file.path.name, file.mime, file.size) == ("a.wav", "audio/wav", 10)
    assert file.path.parent.parent == tmp_path


def test_an_empty_file_is_one_part(tmp_path: Path) -> None:
    [part] = parts(1, b"")
    result = Uploads(lambda: tmp_path).receive(part)
    assert result is not None
    assert result[1] is not None
    assert result[1].size == 0


def test_parts_out_of_order_are_refused(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    first, _, third = parts(1, b"0123456789")
    uploads.receive(first)
    with pytest.raises(RemoteProtocolError, match="does not follow") as caught:
        uploads.receive(third)
    assert caught.value.code == "bad_frame"
    assert caught.value.component == "clip"
    assert list(tmp_path.rglob("a.wav")) == []  # the partial file is gone


def test_too_large_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path, max_bytes=8)
    with pytest.raises(RemoteProtocolError, match="at most") as caught:
        uploads.receive(parts(1, b"0123456789")[0])
    assert caught.value.code == "too_large"
    assert uploads.receive(parts(1, b"0123456789")[1]) is None  # its later parts: ignored


def test_more_or_fewer_bytes_than_announced_are_refused(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    long = Upload("clip", 1, 0, b"12345", True, "a", "m", 3)
    with pytest.raises(RemoteProtocolError, match="longer than its size"):
        uploads.receive(long)
    short = Upload("clip", 2, 0, b"12", True, "a", "m", 3)
    with pytest.raises(RemoteProtocolError, match="ended at 2 of 3"):
        uploads.receive(short)


def test_a_new_upload_replaces_one_in_progress(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    old = parts(1, b"0123456789", name="old.wav")
    uploads.receive(old[0])
    new = parts(2, b"abcdef", name="new.wav")
    uploads.receive(new[0])
    assert uploads.receive(old[1]) is None  # still in flight: ignored
    result = uploads.receive(new[1])
    assert result is not None
    assert result[1] is not None
    assert result[1].path.read_bytes() == b"abcdef"
    assert [p.name for p in tmp_path.rglob("*.wav")] == ["new.wav"]


def test_close_removes_partial_files(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    uploads.receive(parts(1, b"0123456789")[0])
    uploads.close()
    assert list(tmp_path.rglob("a.wav")) == []


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/passwd", "passwd"), ("C:\\x\\y.mp3", "y.mp3"), ("", "upload"), ("..", "upload")],
)
def test_names_lose_their_folders(name: str, safe: str) -> None:
    assert safe_name(name) == safe


async def test_the_app_sets_the_upload_limit() -> None:
    app = rx.App(max_upload_bytes=1000)

    @app.fn(inputs=rx.Audio(type="filepath", elem_id="clip"), outputs=rx.Text(), live=True)
    def name(path: str) -> str:
        return path

    async with AppTester(app) as page:
        await page.upload("clip", b"x" * 2000, "big.wav", "audio/wav")
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("too_large", "clip")
        assert error["msg"] == (
            "The file is 2.0 KiB; uploads may be at most 1000 bytes (rx.App(max_upload_bytes=...))."
        )
    with pytest.raises(rx.DefinitionError, match="max_upload_bytes must be positive"):
        rx.App(max_upload_bytes=0)


def test_the_session_folder_is_made_on_first_use_and_removed_on_close() -> None:
    uploads = Uploads(prefix="reactive-test-")
    folder = uploads.folder()
    assert folder.is_dir()
    assert folder.name.startswith("reactive-test-")
    assert uploads.folder() == folder
    uploads.close()
    assert not folder.exists()


def test_a_given_folder_belongs_to_the_caller(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    assert uploads.folder() == tmp_path
    uploads.close()
    assert tmp_path.is_dir()


# ---------------------------------------------------------------- disk (issue 9, item 3)


def files_in(folder: Path) -> list[Path]:
    """Everything left under ``folder``: files and folders, empty ones included."""
    return sorted(folder.rglob("*"))


def complete(uploads: Uploads, upload: int, data: bytes, name: str = "a.wav") -> Path:
    *_, last = [uploads.receive(p) for p in parts(upload, data, size=len(data) or 1, name=name)]
    assert last is not None
    assert last[1] is not None
    return last[1].path


@pytest.mark.parametrize(
    "refused",
    [
        [Upload("clip", 1, 0, b"12345", True, "a.wav", "m", 3)],  # longer than announced
        [Upload("clip", 1, 0, b"12", True, "a.wav", "m", 3)],  # shorter
        parts(1, b"0123456789")[0:3:2],  # out of order
    ],
)
def test_a_refused_upload_leaves_no_file_and_no_folder(
    tmp_path: Path, refused: list[Upload]
) -> None:
    uploads = Uploads(lambda: tmp_path)
    *accepted, last = refused
    for part in accepted:
        uploads.receive(part)
    with pytest.raises(RemoteProtocolError):
        uploads.receive(last)
    assert files_in(tmp_path) == []
    assert uploads.stored_bytes == 0


def test_a_replaced_upload_is_deleted_once_the_new_one_is_in(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path)
    first = complete(uploads, 1, b"first", "one.wav")
    abandoned = parts(2, b"0123456789", name="two.wav")
    uploads.receive(abandoned[0])
    assert first.exists()  # still the component's value while the next one arrives
    second = complete(uploads, 3, b"second", "three.wav")  # replaces both
    assert files_in(tmp_path) == [second.parent, second]
    assert uploads.stored_bytes == len(b"second")


def test_one_session_keeps_at_most_max_session_bytes(tmp_path: Path) -> None:
    uploads = Uploads(lambda: tmp_path, max_session_bytes=10)
    complete(uploads, 1, b"12345678")
    again = Upload("other", 2, 0, b"123", True, "b.wav", "audio/wav", 3)
    with pytest.raises(RemoteProtocolError, match=r"rx\.App\(max_session_bytes=") as caught:
        uploads.receive(again)
    assert caught.value.code == "too_large"
    assert [p.name for p in tmp_path.rglob("*.wav")] == ["a.wav"]  # nothing of it written


def test_all_sessions_share_max_total_upload_bytes(tmp_path: Path) -> None:
    budget = UploadBudget(10)
    one = Uploads(lambda: tmp_path / "one", budget=budget)
    two = Uploads(lambda: tmp_path / "two", budget=budget)
    complete(one, 1, b"12345678")
    with pytest.raises(RemoteProtocolError, match=r"max_total_upload_bytes") as caught:
        two.receive(Upload("clip", 1, 0, b"123", True, "b.wav", "audio/wav", 3))
    assert caught.value.code == "too_large"
    one.close()  # its bytes are given back
    assert budget.used == 0
    complete(two, 2, b"123")
    assert budget.used == 3


def test_refused_uploads_do_not_fill_the_disk(tmp_path: Path) -> None:
    """The attack from the issue: upload after upload that is refused at its last part."""
    budget = UploadBudget(1 << 20)
    uploads = Uploads(lambda: tmp_path, max_session_bytes=1 << 20, budget=budget)
    for upload in range(200):
        with pytest.raises(RemoteProtocolError):
            uploads.receive(Upload("clip", upload, 0, b"x" * 4096, True, "a.wav", "m", 8192))
    assert files_in(tmp_path) == []
    assert budget.used == 0


async def test_an_upload_the_component_refuses_is_deleted_at_once() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Audio(type="filepath", elem_id="clip"), outputs=rx.Text(), live=True)
    def name(path: str) -> str:
        return path

    async with AppTester(app) as page:
        assert page.session is not None
        folder = page.session._files.folder()
        await page.upload("clip", b"not audio at all", "bad.wav", "audio/wav")
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert files_in(folder) == []
