"""Serves the catalogue facts reporting-service asks for (the test fixtures of reporting-service), so that
the benchmark exercises EU totals without running indicators-service. usage: catalogue_stub.py PORT DIR"""
import http.server
import json
import sys

port, fixtures = int(sys.argv[1]), sys.argv[2]
measures = json.load(open(fixtures + "/measures.json"))
areas = json.load(open(fixtures + "/codelist-REF_AREA.json"))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        body = None
        if path == "/api/v1/measures":
            body = measures
        elif path.startswith("/api/v1/measures/"):
            body = next((m for m in measures if m["code"] == path.rsplit("/", 1)[1]), None)
        elif path == "/api/v1/codelists/REF_AREA":
            body = areas
        data = json.dumps(body if body is not None else {"status": 404}).encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
