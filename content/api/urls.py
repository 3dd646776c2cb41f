from rest_framework.routers import DefaultRouter

from .views import ChapterViewSet, EventViewSet, GoalListViewSet, SectionViewSet, TermViewSet

router = DefaultRouter()
router.register("chapters", ChapterViewSet, basename="chapter")
router.register("sections", SectionViewSet, basename="section")
router.register("terms", TermViewSet, basename="term")
router.register("events", EventViewSet, basename="event")
router.register("goals", GoalListViewSet, basename="goal-list")

urlpatterns = router.urls
