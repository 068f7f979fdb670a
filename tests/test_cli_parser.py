"""The command line builds the options of the command given alone: each command's help and
parsing are what the whole parser gives, and ``pofacil --help`` still lists every command."""

from __future__ import annotations

import pytest

from pofacil.cli import COMMANDS, build_parser, main


def _help(parser_for: str | None, command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        build_parser(parser_for).parse_args([command, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_alone_has_the_help_it_has_among_all(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alone = _help(command, command, capsys)
    assert alone == _help(None, command, capsys)
    assert alone.startswith(f"usage: pofacil {command}")


def test_the_main_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in COMMANDS)


def test_a_bad_option_of_a_command_is_refused_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["info", "x.pofacil", "--bogus"])
    assert done.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
