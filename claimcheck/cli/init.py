"""`init`: start a new store."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import click

from claimcheck.cli.base import cli, usage
from claimcheck.cli.output import echo
from claimcheck.cli.settings import settings_of
from claimcheck.english import listed


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
def init(ctx: click.Context, folder: Path | None) -> None:
    """Start a new store, with an example event to replace.

    FOLDER defaults to the --store folder (./claims). Writes one commented YAML file
    per section, each with one record of an invented example event to replace with
    yours; properties.yaml holds a vocabulary of common properties for contested
    events. Also claimcheck.toml with every default written out, the JSON Schema for
    editors and a .gitignore for the cache. Never overwrites a store: a folder holding
    store files or a claimcheck.toml is refused, as is a folder inside a store.
    """
    import shlex

    from claimcheck.errors import display_path
    from claimcheck.render import visible
    from claimcheck.scaffold import new_store

    settings = settings_of(ctx)
    if folder is not None and _store_given(ctx) and Path(folder) != settings.store:
        usage(
            f"give the new store's folder as FOLDER or as --store, not both "
            f"({visible(str(folder))} and {visible(str(settings.store))})"
        )
    made = new_store(folder if folder is not None else settings.store)
    shown = visible(display_path(made.folder))
    names = [
        f"{n} (extended)" if n == ".gitignore" and made.gitignore_extended else n
        for n in made.files
    ]
    listing = f"created the store {shown}/: {listed(names)}"
    echo("\n".join(textwrap.wrap(listing, 88, subsequent_indent="  ")))
    echo("Its records are an invented example event: replace them with yours.")
    # the store a plain `claimcheck check` reads (the --store option's default)
    plain = Path(os.environ.get("CLAIMCHECK_STORE") or "claims")
    store = "" if made.folder == plain else f" --store {shlex.quote(shown)}"
    echo(f"Next: claimcheck{store} check")


def _store_given(ctx: click.Context) -> bool:
    """Whether --store was typed, before the command or after it (not from the
    environment, which FOLDER overrides)."""
    sources = [ctx.get_parameter_source("store")]
    if ctx.parent is not None:
        sources.append(ctx.parent.get_parameter_source("store"))
    return click.core.ParameterSource.COMMANDLINE in sources
