"""Which files an output may serve: the working directory, the temp folder, ``allowed_paths``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reactive.errors import OutputError
from reactive.media.paths import ServedPaths, trusted

OUTSIDE = Path("/etc/hostname")  # outside the working directory and the temp folder


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work" / "app"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return work


def test_files_under_the_working_directory_and_the_temp_folder_are_served(cwd: Path) -> None:
    (cwd / "out.txt").write_text("ok")
    served = ServedPaths()
    assert served.check("out.txt", "File") == (cwd / "out.txt").resolve()
    assert served.check(cwd / "out.txt", "File").read_text() == "ok"


@pytest.mark.parametrize("value", [str(OUTSIDE), "/etc/shadow", "/etc/../etc/hostname"])
def test_an_absolute_path_outside_is_refused_naming_the_setting(cwd: Path, value: str) -> None:
    with pytest.raises(OutputError, match=r"rx\.App\(allowed_paths=") as caught:
        ServedPaths().check(value, "File")
    assert value in str(caught.value)


def test_dot_dot_cannot_climb_out_of_the_working_directory(cwd: Path) -> None:
    climb = "../" * len(cwd.parts) + "etc/hostname"
    assert (cwd / climb).resolve() == OUTSIDE.resolve()
    with pytest.raises(OutputError, match="allowed_paths"):
        ServedPaths().check(climb, "Image")


def test_a_symlink_is_judged_by_where_it_leads(cwd: Path) -> None:
    (cwd / "innocent.txt").symlink_to(OUTSIDE)
    (cwd / "data").symlink_to("/etc")
    with pytest.raises(OutputError, match="allowed_paths"):
        ServedPaths().check("innocent.txt", "File")
    with pytest.raises(OutputError, match="allowed_paths"):
        ServedPaths().check("data/hostname", "File")


@pytest.mark.parametrize("value", ["/proc/self/environ", "/proc/self/cmdline", "/sys/kernel"])
def test_proc_and_sys_are_never_served_even_when_allowed(cwd: Path, value: str) -> None:
    with pytest.raises(OutputError, match="never served"):
        ServedPaths.of(allowed=["/"]).check(value, "File")


def test_proc_through_a_symlink_is_refused(cwd: Path) -> None:
    (cwd / "env").symlink_to(f"/proc/{os.getpid()}/environ")
    with pytest.raises(OutputError, match="never served"):
        ServedPaths.of(allowed=["/"]).check("env", "File")


def test_dotfiles_and_dot_folders_are_refused(cwd: Path) -> None:
    (cwd / ".env").write_text("SECRET=1")
    (cwd / ".git").mkdir()
    (cwd / ".git" / "config").write_text("x")
    for value in (".env", ".git/config", "sub/../.env"):
        with pytest.raises(OutputError, match="hidden"):
            ServedPaths().check(value, "File")


def test_allowed_paths_serve_more_and_blocked_paths_win(cwd: Path, tmp_path: Path) -> None:
    served = ServedPaths.of(allowed=["/etc"], blocked=[cwd / "private"])
    assert served.check(OUTSIDE, "File") == OUTSIDE.resolve()
    (cwd / "private").mkdir()
    (cwd / "private" / "a.txt").write_text("x")
    with pytest.raises(OutputError, match=r"blocked_paths"):
        served.check("private/a.txt", "File")
    both = ServedPaths.of(allowed=["/etc"], blocked=["/etc"])
    with pytest.raises(OutputError, match=r"blocked_paths"):
        both.check(OUTSIDE, "File")


def test_a_nul_in_a_path_is_refused(cwd: Path) -> None:
    with pytest.raises(OutputError, match="NUL"):
        ServedPaths().check("a\0b", "File")


def test_values_the_author_wrote_are_trusted(cwd: Path) -> None:
    with trusted():
        assert ServedPaths().check(OUTSIDE, "File") == OUTSIDE
    with pytest.raises(OutputError):
        ServedPaths().check(OUTSIDE, "File")


def test_set_static_paths_lets_every_app_serve_those_files(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reactive as gr
    from reactive.media import paths

    monkeypatch.setattr(paths, "_static", [])  # the process-wide list, fresh for this test
    with pytest.raises(OutputError):
        ServedPaths().check(OUTSIDE, "Image")
    gr.set_static_paths(paths=[str(OUTSIDE)])
    assert ServedPaths().check(OUTSIDE, "Image") == OUTSIDE.resolve()
    gr.set_static_paths("/proc")
    with pytest.raises(OutputError, match="system file"):
        ServedPaths().check("/proc/self/status", "File")
