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


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            raise exceptions.AuthenticationFailed(_("The token has expired; ask for a new one."))
        return user, token
