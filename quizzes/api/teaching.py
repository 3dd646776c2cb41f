"""Teachers' endpoints (classes, quiz sets, assignments, results, export) and students' joining."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from accounts.roles import is_teacher
from civiclearn.throttling import JoinPerAddress, JoinPerUser
from quizzes.models import Assignment, QuizSet, QuizSetEntry, SchoolClass
from quizzes.presentation.exports import FORMATS, quiz_set_export
from quizzes.selectors.learning import attempts_with_slots
from quizzes.selectors.teaching import (
    assignments_for_student,
    assignments_of_teacher,
    assignments_open_to,
    classes_joined,
    classes_with_roster,
    overrides_of_set,
    quiz_set_results,
    quiz_sets_with_entries,
)
from quizzes.services.assignments import AttemptRefused, assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join, class_remove_student, class_renew_code
from quizzes.services.overrides import override_remove, override_set
from quizzes.services.quiz_sets import (
    entry_add_item,
    entry_add_random,
    entry_move,
    entry_remove,
    item_write,
    quiz_set_create,
    quiz_set_update,
)

from . import teaching_serializers as s
from .learning_serializers import PracticeSessionSerializer


class IsTeacher(permissions.BasePermission):
    message = "Only teachers can do this."

    def has_permission(self, request, view):
        return is_teacher(request.user)


_CLASS_FOR_ROLE = PolymorphicProxySerializer(
    component_name="ClassForRole", serializers=[s.TeacherClassSerializer, s.StudentClassSerializer],
    resource_type_field_name=None)


@extend_schema_view(list=extend_schema(responses=PolymorphicProxySerializer(
                        component_name="ClassListForRole", resource_type_field_name=None, many=True,
                        serializers=[s.TeacherClassSerializer, s.StudentClassSerializer])),
                    retrieve=extend_schema(responses=_CLASS_FOR_ROLE))
class ClassViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                   viewsets.GenericViewSet):
    """A teacher's own classes with their rosters; a student's joined classes (without the code)."""

    lookup_value_regex = r"\d+"  # anything else is a 404 from the router, not a 500

    queryset = SchoolClass.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SchoolClass.objects.none()
        user = self.request.user
        return classes_with_roster(user) if is_teacher(user) else classes_joined(user)

    def get_serializer_class(self):
        return s.TeacherClassSerializer if is_teacher(self.request.user) else s.StudentClassSerializer

    @extend_schema(request=s.TeacherClassSerializer, responses={201: s.TeacherClassSerializer})
    def create(self, request, *args, **kwargs):
        given = s.TeacherClassSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            created = class_create(teacher=request.user, name=given.validated_data["name"])
        except DjangoPermissionDenied as denied:
            raise PermissionDenied(str(denied)) from None
        return Response(s.TeacherClassSerializer(created).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.JoinClassSerializer, responses=s.StudentClassSerializer)
    @action(detail=False, methods=["post"], throttle_classes=[JoinPerUser, JoinPerAddress])
    def join(self, request):
        given = s.JoinClassSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        joined = class_join(student=request.user, join_code=given.validated_data["join_code"])
        return Response(s.StudentClassSerializer(joined).data)

    @extend_schema(request=None, responses=s.TeacherClassSerializer)
    @action(detail=True, methods=["post"], url_path="renew-code", permission_classes=[IsTeacher])
    def renew_code(self, request, pk=None):
        school_class = self.get_object()
        class_renew_code(school_class=school_class)
        return Response(s.TeacherClassSerializer(school_class).data)

    @extend_schema(request=s.StudentRefSerializer, responses=s.TeacherClassSerializer)
    @action(detail=True, methods=["post"], url_path="remove-student", permission_classes=[IsTeacher])
    def remove_student(self, request, pk=None):
        school_class = self.get_object()
        given = s.StudentRefSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        class_remove_student(school_class=school_class, student=given.validated_data["student"])
        return Response(s.TeacherClassSerializer(self.get_object()).data)


class QuizSetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """The teacher's own quiz sets (another teacher's is a 404), the builder's operations, results."""

    lookup_value_regex = r"\d+"  # anything else is a 404 from the router, not a 500

    serializer_class = s.QuizSetSerializer
    permission_classes = [permissions.IsAuthenticated, IsTeacher]
    queryset = QuizSet.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return QuizSet.objects.none()
        return quiz_sets_with_entries(self.request.user)

    @extend_schema(request=s.QuizSetSerializer, responses={201: s.QuizSetSerializer})
    def create(self, request, *args, **kwargs):
        given = s.QuizSetSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        created = quiz_set_create(owner=request.user, **given.validated_data)
        return Response(s.QuizSetSerializer(self.get_queryset().get(pk=created.pk)).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=s.QuizSetSerializer, responses=s.QuizSetSerializer)
    def update(self, request, *args, partial=False, **kwargs):
        quiz_set = self.get_object()
        given = s.QuizSetSerializer(quiz_set, data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        quiz_set_update(quiz_set=quiz_set, **given.validated_data)
        return self._done(quiz_set)

    def _entry(self, quiz_set, entry_id) -> QuizSetEntry:
        return get_object_or_404(quiz_set.entries, pk=entry_id)

    def _done(self, quiz_set):
        return Response(s.QuizSetSerializer(self.get_queryset().get(pk=quiz_set.pk)).data)

    @extend_schema(request=s.AddItemSerializer, responses=s.QuizSetSerializer)
    @action(detail=True, methods=["post"], url_path="add-item")
    def add_item(self, request, pk=None):
        quiz_set, given = self.get_object(), s.AddItemSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        entry_add_item(quiz_set=quiz_set, item=given.validated_data["item"])
        return self._done(quiz_set)

    @extend_schema(request=s.AddRandomSerializer, responses=s.QuizSetSerializer)
    @action(detail=True, methods=["post"], url_path="add-random")
    def add_random(self, request, pk=None):
        quiz_set, given = self.get_object(), s.AddRandomSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        entry_add_random(quiz_set=quiz_set, **given.validated_data)
        return self._done(quiz_set)

    @extend_schema(request=s.WriteItemSerializer, responses=s.QuizSetSerializer)
    @action(detail=True, methods=["post"], url_path="write-item")
    def write_item(self, request, pk=None):
        quiz_set, given = self.get_object(), s.WriteItemSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        item_write(author=request.user, quiz_set=quiz_set, section=None, **given.validated_data)
        return self._done(quiz_set)

    @extend_schema(request=s.MoveEntrySerializer, responses=s.QuizSetSerializer)
    @action(detail=True, methods=["post"], url_path="move-entry")
    def move_entry(self, request, pk=None):
        quiz_set, given = self.get_object(), s.MoveEntrySerializer(data=request.data)
        given.is_valid(raise_exception=True)
        entry_move(entry=self._entry(quiz_set, given.validated_data["entry"]),
                   offset=int(given.validated_data["offset"]))
        return self._done(quiz_set)

    @extend_schema(request=s.EntryRefSerializer, responses=s.QuizSetSerializer)
    @action(detail=True, methods=["post"], url_path="remove-entry")
    def remove_entry(self, request, pk=None):
        quiz_set, given = self.get_object(), s.EntryRefSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        entry_remove(entry=self._entry(quiz_set, given.validated_data["entry"]))
        return self._done(quiz_set)

    @extend_schema(methods=["GET"], responses=s.OverrideSerializer(many=True))
    @extend_schema(methods=["POST"], request=s.OverrideInputSerializer, responses={201: s.OverrideSerializer})
    @action(detail=True, methods=["get", "post"])
    def overrides(self, request, pk=None):
        """Students' own rules on the set's assignments (accommodations); POST gives or replaces one."""
        quiz_set = self.get_object()
        if request.method == "GET":
            return Response(s.OverrideSerializer(overrides_of_set(quiz_set), many=True).data)
        given = s.OverrideInputSerializer(data=request.data, quiz_set=quiz_set)
        given.is_valid(raise_exception=True)
        override = override_set(teacher=request.user, **given.validated_data)
        return Response(s.OverrideSerializer(override).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"overrides/(?P<override_id>\d+)/remove")
    def remove_override(self, request, pk=None, override_id=None):
        """The student is held to the set's rules again."""
        override = get_object_or_404(overrides_of_set(self.get_object()), pk=override_id)
        override_remove(teacher=request.user, override=override)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses=s.ResultsSerializer)
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        return Response(s.ResultsSerializer(quiz_set_results(quiz_set=self.get_object())).data)

    @extend_schema(parameters=[OpenApiParameter("format", str, enum=list(FORMATS), required=True)],
                   responses={(200, content_type): OpenApiTypes.BINARY  # Moodle XML, GIFT, a QTI zip
                              for _extension, content_type, _write in FORMATS.values()})
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None):
        fmt = request.query_params.get("format", "")
        if fmt not in FORMATS:
            raise ValidationError({"format": f"Choose one of: {', '.join(FORMATS)}."})
        exported = quiz_set_export(quiz_set=self.get_object(), fmt=fmt)
        response = HttpResponse(exported.content, content_type=exported.content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=exported.filename)
        return response


class AssignmentViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Teachers list and create assignments of their sets; students list theirs and start them."""

    lookup_value_regex = r"\d+"  # anything else is a 404 from the router, not a 500

    queryset = Assignment.objects.none()
    serializer_class = s.AssignmentSerializer
    pagination_class = None  # a teacher's or a student's assignments: a short list, one shape per role

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Assignment.objects.none()
        return assignments_of_teacher(self.request.user)

    @extend_schema(responses=PolymorphicProxySerializer(
        component_name="AssignmentListEntry", serializers=[s.AssignmentSerializer, s.StudentAssignmentSerializer],
        resource_type_field_name=None, many=True))
    def list(self, request, *args, **kwargs):
        if is_teacher(request.user):
            return super().list(request, *args, **kwargs)
        rows = assignments_for_student(student=request.user, now=timezone.now())
        return Response(s.StudentAssignmentSerializer(rows, many=True).data)

    def create(self, request, *args, **kwargs):
        if not is_teacher(request.user):
            raise PermissionDenied("Only teachers assign quiz sets.")
        given = self.get_serializer(data=request.data)
        given.is_valid(raise_exception=True)
        created = assignment_create(**given.validated_data)
        return Response(s.AssignmentSerializer(created).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={201: PracticeSessionSerializer})
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        assignment = get_object_or_404(assignments_open_to(request.user), pk=pk)
        try:
            started = assignment_start(assignment=assignment, student=request.user)
        except AttemptRefused as refusal:
            raise ValidationError({"detail": str(refusal)}) from None
        attempt = attempts_with_slots(request.user).get(pk=started.pk)
        return Response(PracticeSessionSerializer(attempt).data, status=status.HTTP_201_CREATED)
