from django.urls import path

from . import views

app_name = "interop"
urlpatterns = [
    path("login/<uuid:registration_uuid>/", views.oidc_login, name="login"),
    path("launch/", views.launch, name="launch"),
    path("jwks/", views.jwks, name="jwks"),
    path("deep-link/", views.deep_link, name="deep-link"),
    path("assignments/<int:assignment_id>/", views.assignment, name="assignment"),
    path("classes/<int:class_id>/members/", views.class_members_pull, name="class-members-pull"),
]
