"""Launcher: the GUI by default, the command line when a subcommand is given."""

import sys

if __name__ == "__main__":
    from ipaudit.app import main

    sys.exit(main(sys.argv[1:]))
