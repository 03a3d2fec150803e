"""GET /health and GET /prices on PORT (default 8000), standard library only plus dateutil."""
import json
import os
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from dateutil.relativedelta import relativedelta

PRICES = {"apple": 0.5, "pear": 0.75, "plum": 0.3}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/health":
            self.reply(200, {"status": "ok", "service": "pricing-py"})
        elif self.path == "/prices":
            valid_until = datetime.now(timezone.utc) + relativedelta(months=+1)
            self.reply(200, {"prices": PRICES, "validUntil": valid_until.date().isoformat()})
        else:
            self.reply(404, {"error": "not found"})

    def reply(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # one line per request on stdout
        print(f"{self.address_string()} {format % args}", flush=True)


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    print(f"pricing-py listening on {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
