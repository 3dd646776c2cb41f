from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from .lms import INSTRUCTOR, LEARNER, SimulatedLms


@pytest.fixture
def lms():
    with SimulatedLms() as platform:
        yield platform


@pytest.fixture
def registration(db, lms):
    """The simulated LMS registered in CivicLearn's admin, its deployment switched on."""
    from lti_tool.models import LtiDeployment, LtiRegistration

    registered = LtiRegistration.objects.create(
        name="Test LMS", issuer=lms.issuer, client_id=lms.client_id, auth_url=lms.auth_url,
        token_url=lms.token_url, keyset_url=lms.keyset_url)
    LtiDeployment.objects.create(registration=registered, deployment_id=lms.deployment_id, is_active=True)
    return registered


class Browser:
    """A browser the LMS opens CivicLearn in: it follows the whole OIDC flow over HTTPS."""

    def __init__(self, lms, registration):
        self.client = Client()
        self.lms, self.registration = lms, registration
        self.last_token = self.last_state = None

    def login_step(self, sub: str, **params):
        query = {"iss": self.lms.issuer, "login_hint": sub, "target_link_uri": "https://testserver/lti/launch/",
                 "client_id": self.lms.client_id, "lti_message_hint": "hint", **params}
        return self.client.get(f"/lti/login/{self.registration.uuid}/", query, secure=True)

    def launch(self, sub: str, roles: list[str], **claims):
        """Login step, then the platform's signed id token with the nonce and state it was given."""
        login = self.login_step(sub)
        assert login.status_code == 302, login.content[:500]
        location = urlsplit(login["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == self.lms.auth_url
        query = {key: value[0] for key, value in parse_qs(location.query).items()}
        assert query["client_id"] == self.lms.client_id and query["login_hint"] == sub
        self.last_state = query["state"]
        self.last_token = self.lms.id_token(nonce=query["nonce"], sub=sub, roles=roles, **claims)
        return self.post_launch(self.last_token, self.last_state)

    def post_launch(self, id_token: str, state: str):
        return self.client.post("/lti/launch/", {"id_token": id_token, "state": state}, secure=True)

    def get(self, path, *args, **kwargs):
        return self.client.get(path, *args, secure=True, **kwargs)

    def post(self, path, *args, **kwargs):
        return self.client.post(path, *args, secure=True, **kwargs)


@pytest.fixture
def browser(lms, registration):
    """A new browser each time it is called: one per person."""
    return lambda: Browser(lms, registration)


@pytest.fixture
def roles():
    return {"student": [LEARNER], "teacher": [INSTRUCTOR]}
