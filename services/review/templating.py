"""Jinja2 templates of the officers' page (autoescaped), and the pages shown without a signed-in user."""
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

HERE = Path(__file__).parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")


def sign_in_page(request: Request, next_path: str = "/", failed: bool = False) -> Response:
    return templates.TemplateResponse(request, "signin.html", {"next": next_path, "failed": failed},
                                      status_code=401 if failed else 200)


def refused_page(request: Request, detail: str) -> Response:
    return templates.TemplateResponse(request, "refused.html", {"detail": detail}, status_code=403)
