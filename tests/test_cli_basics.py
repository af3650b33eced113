from realpolitik import __version__


def test_version_command(run_cli):
    res = run_cli("version")
    assert res.exit_code == 0
    assert res.stdout.strip() == __version__


def test_unknown_command_exits_2(run_cli):
    res = run_cli("no-such-command")
    assert res.exit_code == 2
