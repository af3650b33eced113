from realpolitik import __version__


def test_version_command(run_cli):
    res = run_cli("version")
    assert res.exit_code == 0
    assert res.stdout.strip() == __version__


def test_unknown_command_exits_2(run_cli):
    res = run_cli("no-such-command")
    assert res.exit_code == 2


def test_usage_errors_are_one_line(run_cli):
    cases = [
        (("relations", "--source", "USA", "--target", "CHN", "--freq", "fortnight"), "--freq"),
        (("store", "info", "--bogus"), "--bogus"),
        (("triangle", "USA", "CHN", "PRK", "--format", "xml"), "--format"),
    ]
    for args, option in cases:
        r = run_cli(*args)
        assert r.exit_code == 2, args
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1, r.stderr
        assert lines[0].startswith("realpolitik: error: ") and option in lines[0]
        assert f"see 'realpolitik {args[0]}" in lines[0]


def test_help_and_bare_groups_still_print_help(run_cli):
    r = run_cli("--help")
    assert r.exit_code == 0 and "relations" in r.stdout
    r = run_cli("store")
    assert r.exit_code == 2 and "optimize" in r.stdout
