"""The answer to a Deep Linking request: the link a teacher picked (a quiz set, or a chapter's
practice), signed by the tool for the platform to place in its course.

A quiz set's link carries the set's id and asks the platform to fill in the link's dates (LTI
substitution variables) and to make a gradebook column (a line item) out of 100, where its scores go.
"""

from __future__ import annotations

from dataclasses import dataclass

from lti_tool.models import LtiLaunch
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from content.models import Chapter
from quizzes.models import QuizSet

from .lti_config import tool_key
from .services.lti_scores import SCORE_MAXIMUM

DEEP_LINKING_SETTINGS_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
DATE_SUBSTITUTIONS = {"opens": "$ResourceLink.available.startDateTime",
                      "closes": "$ResourceLink.submission.endDateTime"}


@dataclass(frozen=True)
class DeepLinkAnswer:
    return_url: str
    jwt: str


def return_url_of(lti_launch: LtiLaunch) -> str:
    return (lti_launch.get_claim(DEEP_LINKING_SETTINGS_CLAIM) or {}).get("deep_link_return_url", "")


def quiz_set_link(quiz_set: QuizSet, launch_url: str) -> DeepLinkResource:
    line_item = LineItem().set_label(quiz_set.title[:255]).set_score_maximum(SCORE_MAXIMUM).set_tag("civiclearn")
    return (DeepLinkResource().set_url(launch_url).set_title(quiz_set.title[:255])
            .set_custom_params({"quiz_set": str(quiz_set.pk), **DATE_SUBSTITUTIONS}).set_lineitem(line_item))


def chapter_link(chapter: Chapter, launch_url: str) -> DeepLinkResource:
    return (DeepLinkResource().set_url(launch_url).set_title(chapter.title[:255])
            .set_custom_params({"chapter": chapter.slug}))


def deep_link_answer(lti_launch: LtiLaunch, resource: DeepLinkResource) -> DeepLinkAnswer:
    """The signed response (an LtiDeepLinkingResponse JWT) and where the browser posts it."""
    tool_key()
    deep_link = lti_launch.get_message_launch().get_deep_link()
    return DeepLinkAnswer(return_url_of(lti_launch), deep_link.get_response_jwt([resource]))
