"""The xdist work units (tests/xdist_groups.py): a listed file's tests are one unit, every
other test its own; every listed file exists (a renamed file would be spread again)."""

from foreign_ties import paths
from tests.xdist_groups import SHARED_WORKER, SharedFileScheduling


def test_every_file_sharing_a_worker_exists():
    assert all((paths.ROOT / path).is_file() for path in SHARED_WORKER)


def test_a_listed_files_tests_are_one_work_unit_and_others_their_own():
    split = SharedFileScheduling._split_scope
    assert split(None, "tests/test_synth.py::test_cli_writes_a_folder") == "tests/test_synth.py"
    assert split(None, "tests/test_deck_files.py::test_x[vi]") == "tests/test_deck_files.py"
    other = "tests/test_plurals.py::test_one[en]"
    assert split(None, other) == other
