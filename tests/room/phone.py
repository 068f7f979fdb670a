"""A participant's phone as tests see it: real HTTP over a real socket, with the cookie the
room gives it (urllib and a cookie jar, nothing mocked)."""

from __future__ import annotations

import http.cookiejar
import json
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> dict[str, object]:
        return json.loads(self.body)


class Phone:
    def __init__(self, url: str) -> None:
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str | None = None) -> Answer:
        return self._send(urllib.request.Request(url or self.url))

    def post(self, data: bytes, url: str | None = None) -> Answer:
        request = urllib.request.Request(
            url or self.url + "/points",
            data=data,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        return self._send(request)

    def send(self, text: str, name: str = "", key: str | None = None) -> Answer:
        body = {"text": text, "name": name, "key": key or secrets.token_hex(8)}
        return self.post(json.dumps(body, ensure_ascii=False).encode())

    def _send(self, request: urllib.request.Request) -> Answer:
        try:
            with self._opener.open(request, timeout=30) as response:
                return Answer(response.status, response.read(), dict(response.headers))
        except urllib.error.HTTPError as exc:
            return Answer(exc.code, exc.read(), dict(exc.headers))
