"""The service: Starlette (third party) routes that use greeting (a workspace member)."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from greeting import hello


async def health(request):
    return PlainTextResponse("ok")


async def greet(request):
    return JSONResponse({"message": hello(request.query_params.get("name", "docker"))})


app = Starlette(routes=[Route("/health", health), Route("/greet", greet)])
