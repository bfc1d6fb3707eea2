from alpr_common.config import CommonSettings


class CliSettings(CommonSettings):
    """The CLI reads only the common settings."""
