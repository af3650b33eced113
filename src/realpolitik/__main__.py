"""``python -m realpolitik`` runs the CLI."""

from realpolitik.cli import main

if __name__ == "__main__":
    main()
