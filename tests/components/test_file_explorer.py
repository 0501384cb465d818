"""gr.FileExplorer: the tree under root_dir (glob, ignore_glob, hidden files left out), the
chosen paths as full paths, the app's path rules, and a per-session new root."""

from __future__ import annotations

from pathlib import Path

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("a.txt", "b.py", "sub/c.py", "sub/__init__.py", "sub/deep/d.txt",
                 ".secret/key.py", "empty/.keep"):  # fmt: skip
        path = tmp_path / "root" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.py").write_text("x")
    return tmp_path


def _paths(explorer: gr.FileExplorer) -> dict[str, bool]:
    return {path: selectable for path, _, selectable in explorer.listing()[0]}


def test_the_tree_follows_glob_and_ignore_glob_and_leaves_hidden_files_out(tree: Path) -> None:
    everything = gr.FileExplorer(root_dir=tree / "root")
    assert set(_paths(everything)) == {
        "a.txt", "b.py", "sub", "sub/c.py", "sub/__init__.py", "sub/deep", "sub/deep/d.txt",
        "empty",  # a folder the glob matches: shown (and selectable) though nothing shows in it
    }  # fmt: skip
    python = gr.FileExplorer("**/*.py", root_dir=tree / "root", ignore_glob="**/__init__.py")
    assert _paths(python) == {"b.py": True, "sub": False, "sub/c.py": True}  # fnmatch: * spans /
    shallow = _paths(gr.FileExplorer("*.py", root_dir=tree / "root"))  # the whole path is matched
    assert {p for p, selectable in shallow.items() if selectable} == {
        "b.py", "sub/c.py", "sub/__init__.py",
    }  # fmt: skip


async def test_chosen_paths_reach_the_function_as_full_paths(tree: Path) -> None:
    root = tree / "root"
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=root, value=["a.txt"], elem_id="fe")
        single = gr.FileExplorer(root_dir=root, file_count="single", elem_id="one")
        out = gr.JSON(elem_id="out")
        gr.Button("Go", elem_id="go").click(lambda m, s: [m, s], [explorer, single], out)
    props = demo.describe()["components"]["fe"]["props"]
    assert props["value"] == ["a.txt"]
    assert ["sub/c.py", False, True] in props["tree"]
    async with AppTester(demo) as page:
        await page.input("fe", ["a.txt", "sub/deep/d.txt"])
        await page.input("one", ["sub/c.py"])
        await page.click("go")
        assert await page.wait_until(lambda: page.page.values.get("out") is not None)
    assert page.page.values["out"] == [
        [str(root / "a.txt"), str(root / "sub/deep/d.txt")], str(root / "sub/c.py")
    ]


@pytest.mark.parametrize("bad", ["../other/x.py", "/etc/passwd", ".secret/key.py", "nope.txt"])
async def test_a_path_outside_the_tree_is_refused(tree: Path, bad: str) -> None:
    with gr.Blocks() as demo:
        gr.FileExplorer(root_dir=tree / "root", elem_id="fe")
    async with AppTester(demo) as page:
        await page.input("fe", [bad])
        error = await page.wait_error()
    assert error["code"] == "bad_value"


def test_the_root_must_be_a_folder_the_app_serves(tree: Path) -> None:
    with pytest.raises(DefinitionError, match="does not exist"):
        gr.FileExplorer(root_dir=tree / "missing")
    with gr.Blocks(), pytest.raises(DefinitionError, match="outside the folders this app"):
        gr.FileExplorer(root_dir="/usr/share")
    app = gr.App(blocked_paths=[tree / "root"])
    with app.row(), pytest.raises(DefinitionError, match="blocked_paths"):
        gr.FileExplorer(root_dir=tree / "root")


async def test_a_listener_gives_one_session_a_new_root(tree: Path) -> None:
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=tree / "root", elem_id="fe")
        gr.Button("Other", elem_id="other").click(
            lambda: gr.FileExplorer(root_dir=tree / "other"), None, explorer
        )
    async with AppTester(demo) as page:
        await page.click("other")
        assert await page.wait_until(lambda: "tree" in page.page.props.get("fe", {}))
        assert page.page.props["fe"]["tree"] == [["x.py", False, True]]
        await page.input("fe", ["x.py"])
        assert page.session is not None
        assert page.session.values["fe"] == [str(tree / "other" / "x.py")]
