"""API tokens (DRF's authtoken): revoked when the password changes or on request, and optionally
expiring after API_TOKEN_TTL_HOURS (0, the default, keeps them until revoked)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from civiclearn.compiled_queries import CompiledQuery


def token_expired(token: Token) -> bool:
    hours = settings.API_TOKEN_TTL_HOURS
    return bool(hours) and token.created < timezone.now() - timedelta(hours=hours)


def token_for(*, user) -> Token:
    """The user's token, a fresh one when the old one has expired."""
    token, created = Token.objects.get_or_create(user=user)
    if not created and token_expired(token):
        token.delete()
        token = Token.objects.create(user=user)
    return token


def tokens_revoke(*, user) -> int:
    """Delete the user's token: every client holding it must log in again. Returns how many went."""
    deleted, _details = Token.objects.filter(user=user).delete()
    return deleted


# every API request reads it: compiled once (civiclearn/compiled_queries.py)
_TOKEN_WITH_USER = CompiledQuery(lambda key: Token.objects.select_related("user").filter(key=key)[:1],
                                 key=Token._meta.get_field("key"))


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication (its checks and messages), its token and user read by a compiled
    query, and a token past API_TOKEN_TTL_HOURS refused."""

    def authenticate_credentials(self, key):
        token = _TOKEN_WITH_USER.first(key=key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token_expired(token):
            raise exceptions.AuthenticationFailed(_("The token has expired; ask for a new one."))
        return token.user, token
