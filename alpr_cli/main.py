"""`alpr`: one command line for every part of the pipeline."""
import click

from alpr_cli.lazy_group import LazyGroup
from alpr_common.errors import ConfigError

COMMANDS = {
    "devbroker": ("alpr_cli.infra:devbroker", "Run the development Kafka broker (in memory) until stopped."),
    "topics": ("alpr_cli.infra:topics", "Show the topic catalog or apply it to a Kafka cluster."),
    "db": ("alpr_cli.infra:db", "Database migrations."),
    "up": ("alpr_cli.stack:up", "Run the whole stack on the embedded default, in the foreground."),
    "demo": ("alpr_cli.demo.run:demo", "Run the pipeline end to end on the built-in demo scenario."),
    "audit": ("alpr_cli.audit:audit", "Read, verify and prove the audit topic (for auditors)."),
    "keys": ("alpr_cli.keys:keys", "Epoch and case keys: list, check the master key, destroy an epoch."),
    "deploy": ("alpr_cli.deploy_gen:deploy", "Generate deployment manifests from the code (KafkaTopic resources)."),
    "ingest": ("services.ingest.cli:ingest", "The ingest service (frame uploads) and its devices."),
    "upload": ("services.ingest.cli:upload", "Push a folder of frames to ingest, with retries."),
    "ocr": ("services.ocr.cli:ocr", "The OCR service, and reading plates in image files."),
    "rules": ("services.rules.cli:rules", "The rules service (zones, permits, chalking)."),
    "permits": ("services.rules.cli:permits", "Import and list residential parking permits."),
    "review": ("services.review.cli:review", "The review service for officers, and its users."),
    "retention": ("services.retention.cli:retention", "The retention service: destroys what is due."),
    "reporting": ("services.reporting.cli:reporting", "The reporting service (aggregates) and its public transparency page."),
    "report": ("services.reporting.cli:report", "Write the annual data-usage report, or time it (bench)."),
}


class AlprGroup(LazyGroup):
    lazy_help = {name: help_line for name, (_, help_line) in COMMANDS.items()}

    def invoke(self, ctx):
        """Configuration problems end the command with their message, not a traceback."""
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=AlprGroup, lazy_commands={name: target for name, (target, _) in COMMANDS.items()},
             context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Privacy-first licence-plate reading for city parking enforcement.

    Start with `alpr demo` (the whole pipeline on a demo scenario) or `alpr up` (the stack on the
    embedded default: development broker, embedded PostgreSQL, local object storage).
    """


if __name__ == "__main__":
    cli()
