"""What CivicLearn keeps of an LMS beside django-lti's own models (lti_tool: registrations,
deployments, keys, platform users, contexts, resource links): which class a course is, which
assignment a placed link is, the launches already used, and the scores owed to the platform."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiContext, LtiResourceLink, LtiUser

from quizzes.models import Assignment, Attempt, SchoolClass


class LtiClassLink(models.Model):
    """An LMS course (an LTI context) is one CivicLearn class, made at its first instructor's launch."""

    context = models.OneToOneField(LtiContext, verbose_name=_("LMS course"), on_delete=models.CASCADE,
                                   related_name="class_link")
    school_class = models.OneToOneField(SchoolClass, verbose_name=_("class"), on_delete=models.CASCADE,
                                        related_name="lti_link")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("LMS course link")
        verbose_name_plural = _("LMS course links")

    def __str__(self):
        return f"{self.context} → {self.school_class}"


class LtiAssignmentLink(models.Model):
    """A link placed in an LMS course (a resource link) that opens a quiz set: the assignment of the
    set to the course's class, made at the link's first launch, and the line item its scores go to."""

    resource_link = models.OneToOneField(LtiResourceLink, verbose_name=_("LMS link"), on_delete=models.CASCADE,
                                         related_name="assignment_link")
    assignment = models.ForeignKey(Assignment, verbose_name=_("assignment"), on_delete=models.PROTECT,
                                   related_name="lti_links")
    lineitem_url = models.URLField(_("line item URL"), max_length=1000, blank=True,
                                   help_text=_("Where the platform takes this link's scores (AGS); empty: "
                                               "the platform offered none."))
    can_publish_scores = models.BooleanField(_("may send scores"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("LMS assignment link")
        verbose_name_plural = _("LMS assignment links")

    def __str__(self):
        return f"{self.resource_link} → {self.assignment}"


class UsedLaunch(models.Model):
    """The nonce of every id token accepted, so that a launch replayed (the same signed token sent
    again) is refused in every worker. Kept a day: an id token older than that has expired anyway."""

    issuer = models.CharField(_("issuer"), max_length=255)
    nonce = models.CharField(_("nonce"), max_length=255)
    used_at = models.DateTimeField(_("used"), default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "nonce"], name="used_launch_unique")]
        verbose_name = _("used launch")
        verbose_name_plural = _("used launches")

    def __str__(self):
        return f"{self.issuer} {self.nonce}"


class ScoreSend(models.Model):
    """A score owed to the platform for one graded attempt (AGS), kept until the platform took it.
    One row per attempt, so an attempt's score is never sent twice; a failure is retried later."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")  # for its time: the set's feedback rule, or a retry
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")  # gave up after the last retry; an admin may send it again

    attempt = models.OneToOneField(Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE,
                                   related_name="score_send")
    link = models.ForeignKey(LtiAssignmentLink, verbose_name=_("LMS assignment link"), on_delete=models.CASCADE,
                             related_name="score_sends")
    lti_user = models.ForeignKey(LtiUser, verbose_name=_("LMS user"), on_delete=models.CASCADE,
                                 related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    send_after = models.DateTimeField(_("send after"))
    tries = models.PositiveSmallIntegerField(_("tries"), default=0)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    score_given = models.FloatField(_("score sent"), null=True, blank=True)
    score_maximum = models.FloatField(_("maximum sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "send_after"], name="score_send_due")]
        verbose_name = _("score for the LMS")
        verbose_name_plural = _("scores for the LMS")

    def __str__(self):
        return f"{self.attempt_id} {self.get_status_display()}"


class RosterPerson(models.Model):
    """A person of a OneRoster bundle (users.csv): their account, found again by ``sourcedId`` at the
    next import, whatever changed in their name or username."""

    sourced_id = models.CharField(_("OneRoster sourcedId"), max_length=255, unique=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE,
                                related_name="roster_person")
    kana_name = models.CharField(_("name in kana"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("roster person")
        verbose_name_plural = _("roster people")

    def __str__(self):
        return f"{self.sourced_id} → {self.user_id}"


class RosterClass(models.Model):
    """A class of a OneRoster bundle (classes.csv) and the CivicLearn class it is."""

    sourced_id = models.CharField(_("OneRoster sourcedId"), max_length=255, unique=True)
    school_class = models.OneToOneField(SchoolClass, verbose_name=_("class"), on_delete=models.CASCADE,
                                        related_name="roster_class")
    school = models.CharField(_("school"), max_length=255, blank=True)
    terms = models.CharField(_("terms"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("roster class")
        verbose_name_plural = _("roster classes")

    def __str__(self):
        return f"{self.sourced_id} → {self.school_class}"
