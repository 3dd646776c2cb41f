"""The admin speaks Japanese by default: every list's column headers and filters, the menu of apps and
models, and every form's labels, are translated — the libraries' too (axes, tasks), through our
catalogue (civiclearn/third_party_messages.py). An English word in a Japanese header is a string left
out of gettext."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b", re.IGNORECASE)
OWN_MODELS = list(admin.site._registry)  # ours, and the libraries' (axes, tasks) through our catalogue
ALLOWED = {"ICT", "API", "URL", "JSON", "CSV", "SHA", "LTI", "FSRS", "GIFT", "Moodle", "XML", "QTI", "Axes", "HTTP",
           "Accept", "GET", "POST", "sha256", "Django", "LMS", "UUID", "JWK", "JWKs", "JWKS", "GUID", "PNS", "OIDC",
           "AGS", "NRPS"}  # names, and the words of HTTP itself


def _english(texts):
    return sorted({word for text in texts for word in ENGLISH_WORD.findall(text) if word not in ALLOWED})


def _headers(html):
    heads = "".join(re.findall(r"<thead>(.*?)</thead>", html, re.S))  # not the rows' own cells (data)
    menu = "".join(re.findall(r'<nav class="sticky" id="nav-sidebar".*?</nav>', html, re.S))  # apps and models
    cells = (re.findall(r"<th[^>]*>(.*?)</th>", heads + menu, re.S) + re.findall(r"<h3>(.*?)</h3>", html, re.S)
             + re.findall(r"<caption>(.*?)</caption>", menu, re.S))
    return [re.sub(r"<[^>]+>", " ", cell) for cell in cells]


@pytest.mark.parametrize("model", OWN_MODELS, ids=lambda m: m._meta.label)
def test_every_changelist_speaks_japanese(staff_client, seed_bank, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = staff_client.get(url)
    assert response.status_code == 200
    assert _english(_headers(response.content.decode())) == []


@pytest.mark.parametrize("model", OWN_MODELS, ids=lambda m: m._meta.label)
def test_every_form_speaks_japanese(staff_client, seed_bank, model):
    obj = model._default_manager.first()
    if obj is None:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    else:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    response = staff_client.get(url)
    if response.status_code == 403:  # read-only models refuse an add page
        return
    assert response.status_code == 200
    labels = [re.sub(r"<[^>]+>", " ", label) for label in re.findall(r"<label[^>]*>(.*?)</label>",
                                                                   response.content.decode(), re.S)]
    assert _english(labels) == []
