from django.urls import include, path

urlpatterns = [
    path("", include("content.api.urls")),
    path("", include("quizzes.api.urls")),
]
