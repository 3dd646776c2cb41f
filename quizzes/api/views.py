"""Learners' endpoints: practice sessions (start, answer, finish), progress and due reviews."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from quizzes import selectors
from quizzes.generation.scoring import ResponseError
from quizzes.models import Attempt
from quizzes.presentation import feedback_visible
from quizzes.services.answering import AnswerRefused, attempt_answer, finish_attempt
from quizzes.services.messages import response_error_message
from quizzes.services.practice import PracticeRefused, start_practice

from .serializers import (
    AnswerFeedbackSerializer,
    AnswerInputSerializer,
    DueItemSerializer,
    PracticeSessionCreateSerializer,
    PracticeSessionSerializer,
    ProgressSerializer,
    SessionSummarySerializer,
    TokenRequestSerializer,
    TokenSerializer,
    feedback_of,
)


class Conflict(serializers.ValidationError):
    status_code = status.HTTP_409_CONFLICT


@extend_schema(request=TokenRequestSerializer, responses=TokenSerializer, auth=[])
class TokenView(ObtainAuthToken):
    """Exchange a username and password for a token; send it as ``Authorization: Token …``."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"


class PracticeSessionViewSet(mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                             viewsets.GenericViewSet):
    """The learner's own practice and review sessions (another learner's is a 404)."""

    lookup_value_regex = r"\d+"  # anything else is a 404 from the router, not a 500

    serializer_class = PracticeSessionSerializer

    queryset = Attempt.objects.none()  # for the schema; requests use get_queryset

    def get_throttles(self):
        if self.action == "answers":  # the endpoint a busy class hits; starting and reading are cheap
            self.throttle_scope = "answers"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attempt.objects.none()
        return Attempt.objects.filter(learner=self.request.user).select_related(
            "chapter", "section", "assignment__quiz_set")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.kwargs.get("pk"):
            context["reveal"] = feedback_visible(get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"]))
        return context

    def get_object(self):
        attempt = super().get_object()
        attempt.ordered_slots = list(selectors.attempt_slots(attempt))
        return attempt

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        data = []
        for attempt in page:
            attempt.ordered_slots = list(selectors.attempt_slots(attempt))
            data.append(PracticeSessionSerializer(attempt, context={"reveal": feedback_visible(attempt)}).data)
        return self.get_paginated_response(data)

    @extend_schema(request=PracticeSessionCreateSerializer, responses={201: PracticeSessionSerializer})
    def create(self, request, *args, **kwargs):
        given = PracticeSessionCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            attempt = start_practice(learner=request.user, **given.validated_data)
        except PracticeRefused as refusal:
            raise ValidationError({"detail": str(refusal)}) from None
        attempt.ordered_slots = list(selectors.attempt_slots(attempt))
        return Response(PracticeSessionSerializer(attempt).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AnswerInputSerializer,
                   responses={200: AnswerFeedbackSerializer, 201: AnswerFeedbackSerializer})
    @action(detail=True, methods=["post"])
    def answers(self, request, pk=None):
        attempt = get_object_or_404(self.get_queryset(), pk=pk)
        given = AnswerInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        slot = selectors.attempt_slots(attempt).filter(item_id=given.validated_data["item"]).first()
        if slot is None:
            raise ValidationError({"item": "This item is not part of this session."})
        try:
            result = attempt_answer(slot=slot, response=given.validated_data["response"])
        except ResponseError as error:
            raise ValidationError({"response": [response_error_message(error)]}) from None
        except AnswerRefused as refusal:
            raise Conflict({"detail": str(refusal)}) from None
        slot.answer = result.answer
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        if not feedback_visible(attempt):
            return Response({"recorded": True, "response": result.answer.response, "repeated": not result.created},
                            status=code)
        return Response(feedback_of(slot, repeated=not result.created), status=code)

    @extend_schema(request=None, responses=SessionSummarySerializer)
    @action(detail=True, methods=["post"])
    def finish(self, request, pk=None):
        attempt = finish_attempt(attempt=get_object_or_404(self.get_queryset(), pk=pk))
        slots = list(selectors.attempt_slots(attempt))
        answered = [slot for slot in slots if hasattr(slot, "answer")]
        return Response({
            "id": attempt.pk, "finished_at": attempt.finished_at, "score": attempt.score, "items": len(slots),
            "answered": len(answered), "correct": sum(slot.answer.correct for slot in answered),
            "missed": [slot.item_id for slot in answered if not slot.answer.correct],
        })


class ProgressView(APIView):
    @extend_schema(responses=ProgressSerializer)
    def get(self, request):
        return Response(ProgressSerializer(selectors.progress_for(learner=request.user)).data)


class DueReviewsView(APIView):
    @extend_schema(responses=DueItemSerializer(many=True))
    def get(self, request):
        cards = selectors.due_cards(learner=request.user, now=timezone.now())
        return Response(DueItemSerializer(cards, many=True).data)
