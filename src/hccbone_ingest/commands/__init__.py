"""CLI subcommands, one module each, discovered by `cli.py`.

A module here defines `NAME` (the subcommand), `HELP` (one line), `add_arguments(parser)` and
`run(args) -> int` (the exit code). Nothing else needs to change to add a subcommand.
"""
