"""`mlalign models list|install|remove`: manage the Argos packages translation uses.

Only `models install FROM TO` and `models list --index` touch the network; everything
else works on the local packages directory (shared with argostranslate/argospm).
"""

from __future__ import annotations

from pathlib import Path

import click

from mlalign.errors import InputError


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


@click.group("models")
def models() -> None:
    """List, install and remove offline translation packages (Argos .argosmodel)."""


@models.command("list")
@click.option("--index", "show_index", is_flag=True,
              help="Also show packages downloadable from the Argos index (needs internet).")
def list_cmd(show_index: bool) -> None:
    """Show installed packages (pair, version, size, path; an incomplete one says so)."""
    from mlalign.translate.packages import index_available, list_installed, packages_dir

    installed = list_installed()
    click.echo(f"packages directory: {packages_dir()}")
    if not installed:
        click.echo("no translation packages installed "
                   "(mlalign models install fa en  |  mlalign models install FILE.argosmodel)")
    for p in installed:  # an unusable one is shown with why, so it can be removed or reinstalled
        why = f"  [{p.problem}; not used]" if p.problem else ""
        click.echo(f"  {p.from_code}->{p.to_code}  v{p.version:<6} {_mb(p.size_bytes):>10}  "
                   f"{p.path}{why}")
    if not show_index:
        return
    ok, result = index_available()
    if not ok:
        click.echo(f"index: {result}; only installed packages are shown")
        return
    have = {(p.from_code, p.to_code, p.version) for p in installed if p.usable}
    click.echo("available from the index:")
    for meta in sorted(result, key=lambda m: (str(m.get("from_code")), str(m.get("to_code")))):
        if meta.get("type", "translate") != "translate":
            continue
        key = (meta.get("from_code"), meta.get("to_code"), str(meta.get("package_version")))
        mark = " (installed)" if key in have else ""
        click.echo(f"  {key[0]}->{key[1]}  v{key[2]}{mark}")


@models.command("install")
@click.argument("args", nargs=-1, required=True, metavar="(FROM TO | PATH.argosmodel [FROM TO])")
@click.option("--max-size", type=click.IntRange(min=1), default=2048, show_default=True,
              help="Refuse archives that unpack to more than this many MB.")
def install_cmd(args: tuple[str, ...], max_size: int) -> None:
    """Install a package from a file (validated) or download one from the Argos index.

    \b
      mlalign models install ./translate-fa_en-1_9.argosmodel
      mlalign models install ./translate-fa_en-1_9.argosmodel fa en   # also check the pair
      mlalign models install fa en                                    # download (internet)
    """
    from mlalign.translate.packages import install_from_file, install_from_index

    first = args[0]
    looks_like_file = first.endswith(".argosmodel") or Path(first).exists()
    if looks_like_file and len(args) in (1, 3):
        expect = (args[1], args[2]) if len(args) == 3 else None
        pkg = install_from_file(first, expect=expect, max_bytes=max_size * 1024 * 1024)
    elif len(args) == 2 and not looks_like_file:
        pkg = install_from_index(args[0], args[1])
    else:
        raise InputError("usage: mlalign models install (FROM TO | PATH.argosmodel [FROM TO])")
    click.echo(f"installed {pkg.from_code}->{pkg.to_code} v{pkg.version} "
               f"({_mb(pkg.size_bytes)}) at {pkg.path}")


@models.command("remove")
@click.argument("from_code", metavar="FROM|NAME")
@click.argument("to_code", required=False, metavar="[TO]")
def remove_cmd(from_code: str, to_code: str | None) -> None:
    """Remove the installed package(s) for a pair, or one package folder by name."""
    from mlalign.translate.packages import remove

    for pkg in remove(from_code, to_code):
        click.echo(f"removed {pkg.from_code}->{pkg.to_code} v{pkg.version} ({pkg.path})")


def register(group: click.Group) -> None:
    """Add `models` to the top-level group."""
    group.add_command(models)
