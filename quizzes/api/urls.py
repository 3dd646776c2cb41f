from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import DueReviewsView, PracticeSessionViewSet, ProgressView, TokenView

router = DefaultRouter()
router.register("practice-sessions", PracticeSessionViewSet, basename="practice-session")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("progress/", ProgressView.as_view(), name="api-progress"),
    path("reviews/due/", DueReviewsView.as_view(), name="api-reviews-due"),
    *router.urls,
]
