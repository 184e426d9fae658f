"""`mlalign corpus build`: audit many document pairs into one clean parallel corpus."""

from __future__ import annotations

from pathlib import Path

import click

from mlalign.cli.options import FiniteFloatRange, quiet_option


def length_ratio(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """0 switches the filter off; below 1 the range [1/X, X] is empty and would drop every bead."""
    if 0 < value < 1:
        raise click.BadParameter(f"{value} is neither 0 (off) nor at least 1.", ctx, param)
    return value


@click.group("corpus")
def corpus_group() -> None:
    """Build parallel corpora from many document pairs."""


@corpus_group.command("build")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output folder (created; rerunning into it resumes).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: process pool on this machine; ray: Ray actors (pip install 'mlalign[ray]').",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Parallel workers, each with its own model copy.",
)
@click.option("--address", default=None, help="Ray cluster address (default: a local Ray session).")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    help="parquet, tmx, moses (comma-separated or repeated); corpus.parquet is always written.",
)
@click.option(
    "--min-score",
    type=FiniteFloatRange(0.0, 1.0),
    default=None,
    help="Drop beads with alignment score below this (0..1).",
)
@click.option(
    "--max-drift",
    type=FiniteFloatRange(0.0, 1.0),
    default=None,
    help="Drop beads with drift above this (0..1).",
)
@click.option(
    "--max-kind",
    "max_kind",
    multiple=True,
    metavar="KIND=P",
    help="Drop beads whose probability of one kind of drift is above P (number=0.5; "
    "comma-separated or repeated).",
)
@click.option(
    "--max-length-ratio",
    type=FiniteFloatRange(min=0.0),
    callback=length_ratio,
    default=3.0,
    show_default=True,
    help="Drop beads whose character-length ratio is outside [1/X, X]; 0 disables.",
)
@click.option("--no-dedup", is_flag=True, help="Keep duplicate bead pairs.")
@click.option(
    "--no-langcheck", is_flag=True, help="Keep beads whose sides are in the wrong script."
)
@click.option("--keep-empty-side", is_flag=True, help="Keep 1-0/0-1 beads (omissions/additions).")
@click.option(
    "--keep-unaligned-pairs",
    is_flag=True,
    help="Send pairs warned 'mostly unaligned' (files that look like different texts) "
    "through the bead filters instead of leaving all their beads out.",
)
@click.option(
    "--src-lang",
    type=click.Choice(["auto", "ar", "fa"]),
    default="auto",
    show_default=True,
    help="Language of the originals (a manifest's lang column wins per pair).",
)
@click.option("--presplit", is_flag=True, help="Files hold one sentence per line.")
@click.option(
    "--translator",
    type=click.Choice(["none", "auto", "argos"]),
    default="none",
    show_default=True,
    help="Machine-translate originals with installed Argos packages.",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override an align./drift. setting, as in `mlalign align`.",
)
@quiet_option
@click.pass_context
def build_command(
    ctx,
    input_path,
    out,
    engine,
    workers,
    address,
    formats,
    min_score,
    max_drift,
    max_kind,
    max_length_ratio,
    no_dedup,
    no_langcheck,
    keep_empty_side,
    keep_unaligned_pairs,
    src_lang,
    presplit,
    translator,
    overrides,
    quiet,
):
    """Audit every pair in INPUT (a manifest or a folder) into OUT/corpus.parquet.

    \b
    INPUT is a CSV/TSV/Parquet manifest with columns id, original, english[, lang]
    (paths relative to the manifest), or a folder of name.ar.txt / name.fa.txt files
    paired with name.en.txt.
    \b
    Rerunning into the same OUT skips pairs already done (same inputs and settings) and
    removes outputs of the earlier run that this one does not write. A pair warned
    "mostly unaligned" is left out of the corpus unless --keep-unaligned-pairs.
    Exit status: 0 when at least one pair succeeded (failures are listed in
    summary.tsv and printed), 1 when none did, 2 for unusable input, 3 for a missing
    translation model (--translator argos), 4 when the Ray cluster cannot be reached.
    \b
    Examples:
      mlalign corpus build pairs.tsv -o corpus/ --workers 2 -f tmx,moses
      mlalign corpus build docs/ -o corpus/ --engine ray --min-score 0.5 --max-drift 0.6
    """
    from mlalign.cli.options import apply_overrides, check_known_sections
    from mlalign.corpus import FilterConfig, build_corpus
    from mlalign.corpus.filters import parse_kind_limits

    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray (the local engine takes none).")
    try:
        kind_limits = parse_kind_limits(max_kind)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-kind") from None

    fmts: list[str] = []
    for value in formats or ("parquet",):
        fmts.extend(part.strip().lower() for part in value.split(",") if part.strip())
    align_config = drift_config = None
    if overrides:
        from mlalign.align import AlignConfig
        from mlalign.corpus.build import corpus_drift_config

        check_known_sections(overrides, ("align", "drift"))
        align_config = apply_overrides(AlignConfig(), "align", overrides)
        drift_config = apply_overrides(corpus_drift_config(), "drift", overrides)
    filters = FilterConfig(
        min_score=min_score,
        max_drift=max_drift,
        max_kind=kind_limits,
        max_length_ratio=max_length_ratio if max_length_ratio and max_length_ratio > 0 else None,
        dedup=not no_dedup,
        langcheck=not no_langcheck,
        drop_empty_side=not keep_empty_side,
        drop_unaligned_pairs=not keep_unaligned_pairs,
    )
    report = build_corpus(
        input_path,
        out,
        engine=engine,
        workers=workers,
        address=address,
        formats=fmts,
        filters=filters,
        src_lang=src_lang,
        presplit=presplit,
        translator=translator,
        align_config=align_config,
        drift_config=drift_config,
        quiet=quiet,
        echo=None if quiet else (lambda msg: click.echo(msg, err=True)),
    )
    if quiet and report.failures:
        for pair_id, error in report.failures:
            click.echo(f"mlalign: failed {pair_id}: {error}", err=True)
    if report.exit_code:
        ctx.exit(report.exit_code)


def register(group: click.Group) -> None:
    """Add `corpus build` to the top-level group."""
    group.add_command(corpus_group)
