from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.backends import BACKEND
from accounts.reading import furigana_set
from accounts.roles import is_teacher
from accounts.tokens import tokens_revoke
from civiclearn.throttling import PasswordResetPerAddress, SignupPerAddress, throttled

from .forms import SignUpForm


@throttled(SignupPerAddress)
def signup(request):
    if request.user.is_authenticated:
        return redirect("quizzes:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=BACKEND)
        messages.success(request, _("Welcome to CivicLearn, %(name)s.") % {"name": user.username})
        return redirect("quizzes:dashboard")
    return render(request, "registration/signup.html", {"form": form})


# Django's own view, limited per address: every request would send a mail.
password_reset = throttled(PasswordResetPerAddress)(auth_views.PasswordResetView.as_view())


class _RevokesTokens:
    """A new password ends the API tokens the old one was used to get."""

    def form_valid(self, form):
        response = super().form_valid(form)
        tokens_revoke(user=form.user)
        return response


class PasswordChangeView(_RevokesTokens, auth_views.PasswordChangeView):
    pass


class PasswordResetConfirmView(_RevokesTokens, auth_views.PasswordResetConfirmView):
    pass


class LoginView(auth_views.LoginView):
    """After signing in, a teacher lands on the teacher home (classes, sets, results) and a student on
    the dashboard; a ``next`` the user came from still wins."""

    def get_default_redirect_url(self):
        return resolve_url("quizzes:teach" if is_teacher(self.request.user) else settings.LOGIN_REDIRECT_URL)


@require_POST
def reading(request):
    """Furigana on or off, then back to the page the reader was on."""
    furigana_set(request, on=request.POST.get("furigana") == "on")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    return redirect(back)
