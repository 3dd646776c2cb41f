"""Read-only content endpoints. A public chapter is civic material anyone may read; a teacher's own
import is read by that teacher and their classes only (content/audience.py)."""

from django_filters import rest_framework as filters
from rest_framework import permissions, viewsets

from content import selectors

from .serializers import (
    ChapterDetailSerializer,
    ChapterSummarySerializer,
    EventSerializer,
    GoalListSerializer,
    SectionSerializer,
    TermSerializer,
)


class ChapterSlugFilter(filters.FilterSet):
    chapter = filters.CharFilter(field_name="chapter__slug", help_text="Only this chapter's rows (its slug).")


class _PublicReadOnly(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]


class ChapterViewSet(_PublicReadOnly):
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"  # a slug; anything else is the router's 404

    def get_queryset(self):
        return selectors.chapter_list(reader=self.request.user)

    def get_serializer_class(self):
        return ChapterDetailSerializer if self.action == "retrieve" else ChapterSummarySerializer


class _ChapterContentViewSet(_PublicReadOnly):
    filterset_class = ChapterSlugFilter
    ordering: tuple[str, ...] = ()

    def get_queryset(self):
        return self.selector(reader=self.request.user).order_by("chapter__number", "chapter__slug", *self.ordering)


class SectionViewSet(_ChapterContentViewSet):
    serializer_class = SectionSerializer
    selector = staticmethod(selectors.sections)
    ordering = ("number",)


class TermViewSet(_ChapterContentViewSet):
    serializer_class = TermSerializer
    selector = staticmethod(selectors.terms)
    ordering = ("number",)


class EventViewSet(_ChapterContentViewSet):
    serializer_class = EventSerializer
    selector = staticmethod(selectors.events)
    ordering = ("position",)


class GoalListViewSet(_ChapterContentViewSet):
    serializer_class = GoalListSerializer
    selector = staticmethod(selectors.goal_lists)
    ordering = ("position",)
