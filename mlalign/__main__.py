"""`python -m mlalign` runs the command-line interface."""

from mlalign.cli import main

main()
