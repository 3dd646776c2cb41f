"""Staff's endpoint: import a chapter file and generate its items (the admin's upload page, as an API)."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from content.parsing import ParseError
from quizzes.services.chapter_publishing import chapter_publish

from .publishing_serializers import ChapterImportInputSerializer, PublishReportSerializer


class CanAddChapters(permissions.BasePermission):
    message = "Only staff who may add chapters can import them."

    def has_permission(self, request, view):
        return request.user.is_staff and request.user.has_perm("content.add_chapter")


class ChapterImportView(APIView):
    """Parse and import a chapter file, then regenerate its items, in one transaction. A dry run does
    it all and rolls it back, so its report says exactly what a real import would do."""

    permission_classes = [permissions.IsAuthenticated, CanAddChapters]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request={"multipart/form-data": ChapterImportInputSerializer},
                   responses={200: PublishReportSerializer, 201: PublishReportSerializer})
    def post(self, request):
        given = ChapterImportInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        upload = given.validated_data["file"]
        try:
            report = chapter_publish(data=upload.read(), source_name=upload.name,
                                     slug=given.validated_data.get("slug"), dry_run=given.validated_data["dry_run"])
        except ParseError as error:
            raise ValidationError({"file": [str(error)]}) from None
        created = any(chapter.imported.created for chapter in report.chapters)
        code = status.HTTP_201_CREATED if created and not report.dry_run else status.HTTP_200_OK
        return Response(PublishReportSerializer(report).data, status=code)
