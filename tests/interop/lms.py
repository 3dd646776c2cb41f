"""An LMS played by the test suite: its own RSA key and JWKS, the OIDC login step, signed id tokens,
an OAuth2 token endpoint, an AGS line item that records the scores it receives, and an NRPS roster.
It serves HTTP on a local port from a thread, so CivicLearn reaches it over a real connection (the
platform's keys, the token, the scores), as it would reach Moodle or Canvas."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
LEARNER, INSTRUCTOR = ROLE + "Learner", ROLE + "Instructor"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


@dataclass
class Recorded:
    scores: list[dict] = field(default_factory=list)
    score_auth: list[str] = field(default_factory=list)
    token_requests: list[dict] = field(default_factory=list)
    score_statuses: list[int] = field(default_factory=list)  # what the next score POSTs answer (200 when empty)
    members: list[dict] = field(default_factory=list)


class SimulatedLms:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "lms-key-" + uuid.uuid4().hex[:8]
        self.recorded = Recorded()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.issuer = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.client_id = "civiclearn-client"
        self.deployment_id = "deployment-1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    # where the platform's endpoints are
    auth_url = property(lambda self: self.issuer + "/auth")
    token_url = property(lambda self: self.issuer + "/token")
    keyset_url = property(lambda self: self.issuer + "/jwks")
    members_url = property(lambda self: self.issuer + "/courses/c1/members")

    def lineitem_url(self, name="li1"):
        return f"{self.issuer}/courses/c1/lineitems/{name}"

    def jwks(self) -> dict:
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def private_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())

    def sign(self, claims: dict, *, key=None, kid=None) -> str:
        return jwt.encode(claims, key or self.private_pem(), algorithm="RS256", headers={"kid": kid or self.kid})

    def id_token(self, *, nonce: str, sub: str, roles: list[str], message_type="LtiResourceLinkRequest",
                 resource_link="rl-1", custom=None, ags_lineitem: str | None = None, context="c1",
                 audience: str | None = None, deployment_id: str | None = None, extra=None, **sign) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": [audience or self.client_id], "sub": sub, "iat": now, "exp": now + 300,
            "nonce": nonce, "name": f"Person {sub}", "given_name": sub, "family_name": "Test",
            LTI + "deployment_id": deployment_id or self.deployment_id, LTI + "message_type": message_type,
            LTI + "version": "1.3.0", LTI + "roles": roles,
            LTI + "context": {"id": context, "label": "CIV-1", "title": "市民科 1組",
                              "type": ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"]},
            LTI + "launch_presentation": {"return_url": self.issuer + "/courses/c1", "document_target": "iframe"},
            "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
                "context_memberships_url": self.members_url, "service_versions": ["2.0"]},
        }
        if message_type == "LtiResourceLinkRequest":
            claims[LTI + "resource_link"] = {"id": resource_link, "title": "Quiz"}
            claims[LTI + "target_link_uri"] = "https://civiclearn.example/lti/launch/"
        else:
            claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
                "deep_link_return_url": self.issuer + "/deep-link-return",
                "accept_types": ["ltiResourceLink"], "accept_presentation_document_targets": ["iframe"]}
        if custom is not None:
            claims[LTI + "custom"] = custom
        if ags_lineitem:
            claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = {
                "scope": [SCORE_SCOPE, LINEITEM_SCOPE], "lineitem": ags_lineitem,
                "lineitems": self.issuer + "/courses/c1/lineitems"}
        claims.update(extra or {})
        return self.sign(claims, **sign)


def _handler_for(lms: SimulatedLms):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _json(self, status: int, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self):
            path = urlsplit(self.path).path
            if path == "/jwks":
                return self._json(200, lms.jwks())
            if path == urlsplit(lms.members_url).path:
                return self._json(200, {"id": lms.members_url, "context": {"id": "c1"},
                                        "members": lms.recorded.members})
            return self._json(404, {"error": "not found"})

        def do_POST(self):
            path = urlsplit(self.path).path
            body = self._body()
            if path == "/token":
                lms.recorded.token_requests.append({k: v[0] for k, v in parse_qs(body.decode()).items()})
                return self._json(200, {"access_token": "token-" + uuid.uuid4().hex, "token_type": "Bearer",
                                        "expires_in": 3600, "scope": SCORE_SCOPE})
            if path.endswith("/scores"):
                status = lms.recorded.score_statuses.pop(0) if lms.recorded.score_statuses else 200
                if status == 200:
                    lms.recorded.scores.append(json.loads(body))
                    lms.recorded.score_auth.append(self.headers.get("Authorization", ""))
                return self._json(status, {} if status == 200 else {"error": "platform down"})
            return self._json(404, {"error": "not found"})

    return Handler
