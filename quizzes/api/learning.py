"""Learners' endpoints: practice sessions (start, answer, finish), progress and due reviews."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.tokens import token_for, tokens_revoke
from civiclearn.parsers import CleanJSONParser
from civiclearn.throttling import SharedScopedRateThrottle
from quizzes.generation.scoring import ResponseError
from quizzes.messages import response_error_message
from quizzes.models import Attempt
from quizzes.release import feedback_visible
from quizzes.selectors.learning import (
    attempt_summary,
    attempts_of,
    attempts_with_slots,
    due_cards,
    progress_for,
)
from quizzes.services.answering import AnswerRefused, attempt_answer_item, attempt_finish
from quizzes.services.practice import PracticeRefused, practice_start
from quizzes.services.reviews import reviews_release

from .fields import StrictInput
from .learning_serializers import (
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


class StrictAuthTokenSerializer(StrictInput, AuthTokenSerializer):
    pass


@extend_schema(request=TokenRequestSerializer, responses=TokenSerializer, auth=[])
class TokenView(ObtainAuthToken):
    """Exchange a username and password for a token; send it as ``Authorization: Token …``. An expired
    token (API_TOKEN_TTL_HOURS) is replaced by a new one."""

    throttle_classes = [SharedScopedRateThrottle]
    throttle_scope = "token"
    parser_classes = [CleanJSONParser, FormParser, MultiPartParser]
    serializer_class = StrictAuthTokenSerializer

    def post(self, request, *args, **kwargs):
        given = self.get_serializer(data=request.data)
        given.is_valid(raise_exception=True)
        return Response({"token": token_for(user=given.validated_data["user"]).key})


class TokenRevokeView(APIView):
    """End one's own token: every client holding it must ask for a new one."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        tokens_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PracticeSessionViewSet(mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                             viewsets.GenericViewSet):
    """The learner's own practice and review sessions (another learner's is a 404)."""

    lookup_value_regex = r"\d+"  # anything else is a 404 from the router, not a 500

    serializer_class = PracticeSessionSerializer

    queryset = Attempt.objects.none()  # for the schema; requests use get_queryset

    def get_throttles(self):
        if self.action == "answers":  # the endpoint a busy class hits; starting and reading are cheap
            self.throttle_scope = "answers"
            return [SharedScopedRateThrottle()]
        return super().get_throttles()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attempt.objects.none()
        if self.action in ("answers", "finish"):  # they read the one slot or the summary themselves
            return attempts_of(self.request.user)
        return attempts_with_slots(self.request.user)

    @extend_schema(request=PracticeSessionCreateSerializer, responses={201: PracticeSessionSerializer})
    def create(self, request, *args, **kwargs):
        given = PracticeSessionCreateSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        try:
            started = practice_start(learner=request.user, **given.validated_data)
        except PracticeRefused as refusal:
            raise ValidationError({"detail": str(refusal)}) from None
        attempt = self.get_queryset().get(pk=started.pk)
        return Response(PracticeSessionSerializer(attempt).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AnswerInputSerializer,
                   responses={200: AnswerFeedbackSerializer, 201: AnswerFeedbackSerializer})
    @action(detail=True, methods=["post"])
    def answers(self, request, pk=None):
        given = AnswerInputSerializer(data=request.data)
        if not given.is_valid():
            self.get_object()  # another learner's session is a 404 before anything is said of the answer
            raise ValidationError(given.errors)
        try:
            answered = given.validated_data
            result = attempt_answer_item(learner_id=request.user.pk, attempt_id=int(pk), item_id=answered["item"],
                                         response=answered["response"])
        except ResponseError as error:
            raise ValidationError({"response": [response_error_message(error)]}) from None
        except AnswerRefused as refusal:
            raise Conflict({"detail": str(refusal)}) from None
        if result is None:
            self.get_object()  # likewise
            raise ValidationError({"item": "This item is not part of this session."})
        slot = result.slot
        attempt = slot.attempt
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        if not feedback_visible(attempt):
            return Response({"recorded": True, "response": result.answer.response, "repeated": not result.created},
                            status=code)
        return Response(feedback_of(slot, result.answer, repeated=not result.created), status=code)

    @extend_schema(request=None, responses=SessionSummarySerializer)
    @action(detail=True, methods=["post"])
    def finish(self, request, pk=None):
        attempt = attempt_finish(attempt=self.get_object())
        return Response(SessionSummarySerializer(attempt_summary(attempt)).data)


class ProgressView(APIView):
    @extend_schema(responses=ProgressSerializer)
    def get(self, request):
        reviews_release(learner_id=request.user.pk)
        return Response(ProgressSerializer(progress_for(learner=request.user)).data)


class DueReviewsView(APIView):
    @extend_schema(responses=DueItemSerializer(many=True))
    def get(self, request):
        reviews_release(learner_id=request.user.pk)
        cards = due_cards(learner=request.user, now=timezone.now())
        return Response(DueItemSerializer(cards, many=True).data)
