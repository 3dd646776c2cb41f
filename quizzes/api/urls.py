from django.urls import path
from rest_framework.routers import DefaultRouter

from .learning import DueReviewsView, PracticeSessionViewSet, ProgressView, TokenRevokeView, TokenView
from .publishing import ChapterImportView
from .teaching import AssignmentViewSet, ClassViewSet, QuizSetViewSet

router = DefaultRouter()
router.register("practice-sessions", PracticeSessionViewSet, basename="practice-session")
router.register("classes", ClassViewSet, basename="class")
router.register("quiz-sets", QuizSetViewSet, basename="quiz-set")
router.register("assignments", AssignmentViewSet, basename="assignment")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("auth/token/revoke/", TokenRevokeView.as_view(), name="api-token-revoke"),
    path("progress/", ProgressView.as_view(), name="api-progress"),
    path("reviews/due/", DueReviewsView.as_view(), name="api-reviews-due"),
    path("chapter-imports/", ChapterImportView.as_view(), name="api-chapter-import"),
    *router.urls,
]
