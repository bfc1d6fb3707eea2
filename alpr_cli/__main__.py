from alpr_cli.main import cli

cli()
