#!/usr/bin/env python3
"""The hostile client of deploy/bench/isolation.sh: holds COUNT connections of each kind open against the gateway,
from one address (SOURCE, default 127.0.0.2, so that the measuring client on 127.0.0.1 is another client), and
opens a new one whenever the gateway closes one (after REOPEN seconds), for SECONDS seconds:

  streams     GET /api/v1/trends/stream, read forever
  bodies      GET of a data path announcing a 1000-byte body and sending 10 bytes of it
  headers     a request line and then one header byte every 5 s, the headers never finished

Prints one JSON line at the end: per kind, connections opened, answers seen by status, and how many were open.
"""
import asyncio
import json
import sys
from collections import Counter

HOST, PORT, SOURCE, COUNT, SECONDS, REOPEN, DATA_PATH = (
    sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7])

opened = Counter()
answers = {kind: Counter() for kind in ("streams", "bodies", "headers")}
open_now = Counter()


def head(method, target, *headers):
    lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}:{PORT}", *headers, "", ""]
    return "\r\n".join(lines).encode()


async def stream(reader, writer):
    writer.write(head("GET", "/api/v1/trends/stream", "Accept: text/event-stream"))
    await writer.drain()


async def body(reader, writer):
    writer.write(head("GET", DATA_PATH, "Content-Length: 1000") + b"0123456789")
    await writer.drain()


async def slow_headers(reader, writer):
    writer.write(f"GET /api/v1/indicators HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nX-Slow: ".encode())
    await writer.drain()
    while True:
        await asyncio.sleep(5)
        writer.write(b"a")
        await writer.drain()


async def drain_answers(kind, reader):
    """Reads whatever the gateway sends until it closes; counts the status of each answer head."""
    pending = b""
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            return
        pending = (pending + chunk)[-4096:]
        while b"HTTP/1.1 " in pending:
            at = pending.index(b"HTTP/1.1 ")
            answers[kind][pending[at + 9:at + 12].decode(errors="replace")] += 1
            pending = pending[at + 12:]


async def hold(kind, start, deadline):
    loop = asyncio.get_running_loop()
    while loop.time() < deadline:
        writer = None
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT, local_addr=(SOURCE, 0))
            opened[kind] += 1
            open_now[kind] += 1
            sender = asyncio.ensure_future(start(reader, writer))
            try:
                await asyncio.wait_for(drain_answers(kind, reader), deadline - loop.time())
            finally:
                sender.cancel()
                open_now[kind] -= 1
        except (OSError, asyncio.TimeoutError):
            pass
        finally:
            if writer is not None:
                writer.close()
        await asyncio.sleep(REOPEN)


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SECONDS
    kinds = {"streams": stream, "bodies": body, "headers": slow_headers}
    tasks = [asyncio.ensure_future(hold(kind, start, deadline)) for kind, start in kinds.items() for _ in range(COUNT)]
    peak = Counter()
    while loop.time() < deadline:
        await asyncio.sleep(1)
        for kind in kinds:
            peak[kind] = max(peak[kind], open_now[kind])
    await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps({kind: {"opened": opened[kind], "peakOpen": peak[kind], "answers": dict(answers[kind])}
                      for kind in kinds}))


asyncio.run(main())
