"""Why an upload was refused: a short code, a message naming the field, and the HTTP status."""


class FrameRejected(Exception):
    def __init__(self, code: str, detail: str, status: int = 422):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.status = status
