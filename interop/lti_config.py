"""pylti1p3's pieces wired to CivicLearn: django-lti's tool configuration (registrations and
deployments from the admin) and the launch data kept in the *shared* cache, which every worker and
app server sees — the login step and the launch it leads to may land on different ones."""

from __future__ import annotations

from lti_tool.models import Key, LtiRegistration
from lti_tool.utils import DjangoToolConfig
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin

SHARED_CACHE = "shared"
PUBLIC_KEY_CACHE_SECONDS = 3600  # a platform's keys, fetched from its JWKS URL at most once an hour


class ToolConfig(DjangoToolConfig):
    """django-lti's configuration; a login that names no client id (LTI allows it) is matched by the
    registration's UUID in the login URL alone."""

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        if client_id is None and self.registration_uuid is not None:
            return self.find_registration_by_issuer(iss)
        return super().find_registration_by_params(iss, client_id, *args, **kwargs)


def tool_key() -> Key:
    """The tool's signing key, made on first use (manage.py rotate_keys makes a new one)."""
    key = Key.objects.active().order_by("-datetime_created").first()
    return key or Key.objects.generate()


def storage() -> DjangoCacheDataStorage:
    return DjangoCacheDataStorage(cache_name=SHARED_CACHE)


def oidc_login(request, registration_uuid) -> DjangoOIDCLogin:
    tool_key()
    return DjangoOIDCLogin(request, ToolConfig(registration_uuid), launch_data_storage=storage())


def message_launch(request) -> DjangoMessageLaunch:
    """An incoming launch, not yet validated."""
    launch = DjangoMessageLaunch(request, ToolConfig(), launch_data_storage=storage())
    launch.set_public_key_caching(storage(), cache_lifetime=PUBLIC_KEY_CACHE_SECONDS)
    return launch


def stored_launch(request, launch_id: str) -> DjangoMessageLaunch:
    """A launch validated earlier in this session (a deep linking request the teacher answers now)."""
    return DjangoMessageLaunch.from_cache(launch_id, request, ToolConfig(), launch_data_storage=storage())


def active_registrations():
    return LtiRegistration.objects.active()
