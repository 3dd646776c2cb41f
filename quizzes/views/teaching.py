"""Teachers' pages: classes, the quiz-set builder, assigning, results, CSV and export downloads."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_teacher
from civiclearn.kept_pages import kept_page
from quizzes.forms.teaching import (
    AssignForm,
    BankFilterForm,
    ClassForm,
    MoodleImportForm,
    OverrideForm,
    OwnItemForm,
    QuizSetCreateForm,
    QuizSetSettingsForm,
    RandomSlotForm,
)
from quizzes.generation.moodle_reader import MoodleFileError
from quizzes.messages import moodle_file_error_message, moodle_report_messages
from quizzes.models import Item, QuizSetEntry
from quizzes.presentation.exports import FORMATS, quiz_set_export
from quizzes.presentation.results_charts import results_pictures
from quizzes.presentation.results_csv import write_results_csv
from quizzes.presentation.set_builder import builder_steps, next_step, set_summary
from quizzes.selectors.teaching import (
    assignments_overview,
    bank_filtered,
    classes_of,
    classes_with_roster,
    leaks_in_set,
    overrides_of_set,
    own_quiz_set,
    quiz_set_results,
    quiz_sets_of,
    quiz_sets_with_entries,
    results_marker,
)
from quizzes.services.assignments import assignment_create
from quizzes.services.classes import class_create, class_remove_student, class_renew_code
from quizzes.services.item_imports import moodle_items_import
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

BANK_PAGE_SIZE = 20


def teacher_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_teacher(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapped


def posted_id(request, name: str) -> int:
    """An id sent by a form; anything but a number is a 404, as a missing row would be."""
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        raise Http404 from None


def form_errors(form) -> ValidationError:
    """A bound form's errors as one ValidationError, so each builder operation reports them alike."""
    return ValidationError([error for errors in form.errors.values() for error in errors])


def _own_set(request, set_id: int):
    """The teacher's own set with its entries; another teacher's is a 404."""
    return get_object_or_404(quiz_sets_with_entries(request.user), pk=set_id)


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@teacher_required
def home(request):
    if request.method == "POST":
        class_form, set_form = ClassForm(request.POST, prefix="class"), QuizSetCreateForm(request.POST, prefix="set")
        if "class-name" in request.POST and class_form.is_valid():
            created = class_create(teacher=request.user, name=class_form.cleaned_data["name"])
            return redirect("quizzes:teach-class", class_id=created.pk)
        if "set-title" in request.POST and set_form.is_valid():
            created = quiz_set_create(owner=request.user, title=set_form.cleaned_data["title"])
            return redirect("quizzes:teach-set", set_id=created.pk)
    context = {"classes": classes_of(request.user), "sets": quiz_sets_of(request.user),
               "assignments": assignments_overview(request.user), "now": timezone.now(),
               "class_form": ClassForm(prefix="class"), "set_form": QuizSetCreateForm(prefix="set")}
    return render(request, "quizzes/teach/home.html", context)


@teacher_required
def class_detail(request, class_id):
    school_class = get_object_or_404(classes_with_roster(request.user), pk=class_id)
    if request.method == "POST":
        if "renew" in request.POST:
            class_renew_code(school_class=school_class)
            messages.success(request, _("The class has a new join code; the old one no longer works."))
        elif "remove" in request.POST:
            membership = get_object_or_404(school_class.memberships, student_id=posted_id(request, "remove"))
            class_remove_student(school_class=school_class, student=membership.student)
            messages.success(request, _("%(name)s was removed from the class.") % {"name": membership.student})
        return redirect("quizzes:teach-class", class_id=class_id)
    assignments = school_class.assignments.select_related("quiz_set")
    return render(request, "quizzes/teach/class_detail.html", {"school_class": school_class,
                                                                "assignments": assignments})


@teacher_required
def set_builder(request, set_id):
    """The builder in steps (items from the bank, random slots, own items, settings, assign) beside a
    running summary of the set; each step's forms return to it."""
    quiz_set = _own_set(request, set_id)
    steps = builder_steps()
    step = request.GET.get("step") if request.GET.get("step") in dict(steps) else steps[0][0]
    leaks = leaks_in_set(quiz_set)
    context = {"quiz_set": quiz_set, "steps": steps, "step": step, "next_step": next_step(steps, step),
               "leaks": leaks, "summary": set_summary(quiz_set, leaks=leaks), "query": request.GET.urlencode()}
    if step == "items":
        bank_form = BankFilterForm(request.GET if "status" in request.GET else {"status": Item.Status.PUBLISHED},
                                   reader=request.user)
        bank = bank_filtered(teacher=request.user, **_bank_filter(bank_form)) if bank_form.is_valid() \
            else Item.objects.none()
        context |= {"bank_form": bank_form, "page": Paginator(bank, BANK_PAGE_SIZE).get_page(request.GET.get("page")),
                    "in_set": {entry.item_id for entry in quiz_set.entries.all()}}
    elif step == "random":
        context["random_form"] = RandomSlotForm(prefix="slot", reader=request.user)
    elif step == "own":
        context["own_form"] = OwnItemForm(prefix="own", reader=request.user)
        context["moodle_form"] = MoodleImportForm(prefix="moodle", reader=request.user)
    elif step == "settings":
        context["settings_form"] = QuizSetSettingsForm(instance=quiz_set)
    else:
        context["assign_form"] = AssignForm(teacher=request.user, prefix="assign")
    return render(request, "quizzes/teach/set_builder.html", context)


def _bank_filter(form: BankFilterForm) -> dict:
    data = form.cleaned_data
    return {"chapter": data["chapter"], "section_number": data["section"], "skill": data["skill"],
            "kind": data["kind"], "status": data["status"], "difficulty": data["difficulty"], "text": data["q"]}


@teacher_required
@require_POST
def set_action(request, set_id, operation):
    """The builder's buttons and forms, each a POST that returns to the builder."""
    quiz_set = _own_set(request, set_id)
    if operation not in _OPERATIONS:
        raise Http404
    try:
        _OPERATIONS[operation](request, quiz_set)
    except ValidationError as error:
        _errors(request, error)
    builder = reverse("quizzes:teach-set", kwargs={"set_id": set_id})
    return redirect(f"{builder}?{request.POST.get('back', '')}")


def _add_item(request, quiz_set):
    item = get_object_or_404(Item, pk=posted_id(request, "item"))
    entry = entry_add_item(quiz_set=quiz_set, item=item)
    quiz_set = _own_set(request, quiz_set.pk)
    clashing = [other for pair in leaks_in_set(quiz_set) if entry.pk in (pair[0].pk, pair[1].pk) for other in pair
                if other.pk != entry.pk]
    if clashing:
        messages.warning(request, _("Added, but this item and item %(numbers)s give each other's answers away: a "
                                    "student who reads one knows the other. Remove one of them, or keep both on "
                                    "purpose.") % {"numbers": ", ".join(str(other.position) for other in clashing)})


def _entry(request, quiz_set) -> QuizSetEntry:
    return get_object_or_404(quiz_set.entries, pk=posted_id(request, "entry"))


def _move(request, quiz_set):
    entry_move(entry=_entry(request, quiz_set), offset=-1 if request.POST.get("direction") == "up" else 1)


def _remove(request, quiz_set):
    entry_remove(entry=_entry(request, quiz_set))


def _random(request, quiz_set):
    form = RandomSlotForm(request.POST, prefix="slot", reader=request.user)
    if not form.is_valid():
        raise form_errors(form)
    entry_add_random(quiz_set=quiz_set, **form.cleaned_data)


def _own(request, quiz_set):
    form = OwnItemForm(request.POST, prefix="own", reader=request.user)
    if not form.is_valid():
        raise form_errors(form)
    data = form.cleaned_data
    item_write(author=request.user, quiz_set=quiz_set, chapter=data["chapter"], section=None,
                         kind=data["kind"], skill=data["skill"], prompt=data["prompt"], options=data["options"],
                         left_options=data["left_options"], answer=data["answer"], explanation=data["explanation"])
    messages.success(request, _("Your item passed the checker and was added."))


def _import_moodle(request, quiz_set):
    form = MoodleImportForm(request.POST, request.FILES, prefix="moodle", reader=request.user)
    if not form.is_valid():
        raise form_errors(form)
    data = form.cleaned_data
    try:
        report = moodle_items_import(author=request.user, quiz_set=quiz_set, chapter=data["chapter"],
                                     skill=data["skill"], text=data["file"], dry_run=data["dry_run"])
    except MoodleFileError as problem:
        raise ValidationError(moodle_file_error_message(problem)) from None
    for level, text in moodle_report_messages(report):
        messages.add_message(request, level, text)


def _settings(request, quiz_set):
    form = QuizSetSettingsForm(request.POST, instance=quiz_set)
    if not form.is_valid():
        raise form_errors(form)
    quiz_set_update(quiz_set=quiz_set, **form.cleaned_data)
    messages.success(request, _("Settings saved."))


def _assign(request, quiz_set):
    form = AssignForm(request.POST, teacher=request.user, prefix="assign")
    if not form.is_valid():
        raise form_errors(form)
    assignment_create(quiz_set=quiz_set, **form.cleaned_data)
    messages.success(request, _("Assigned to %(name)s.") % {"name": form.cleaned_data["school_class"]})


_OPERATIONS = {"add-item": _add_item, "move": _move, "remove": _remove, "add-random": _random, "write-item": _own,
               "import-moodle": _import_moodle,
               "settings": _settings, "assign": _assign}


@teacher_required
def results(request, set_id):
    quiz_set = own_quiz_set(owner=request.user, set_id=set_id)
    if quiz_set is None:
        raise Http404
    return kept_page(request, ["results", quiz_set.pk, *results_marker(quiz_set=quiz_set)],
                     template="quizzes/teach/results.html", context=lambda: _results_context(quiz_set))


def _results_context(quiz_set) -> dict:
    found = quiz_set_results(quiz_set=quiz_set)
    return {"results": found, "pictures": results_pictures(found), "overrides": list(overrides_of_set(quiz_set))}


@teacher_required
def overrides(request, set_id):
    """The students of the set's classes who have rules of their own (accommodations), and the form
    that gives a student theirs."""
    quiz_set = _own_set(request, set_id)
    form = OverrideForm(request.POST or None, quiz_set=quiz_set)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            override_set(teacher=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s now has their own rules for this assignment.")
                             % {"name": data["student"].get_username()})
            return redirect("quizzes:teach-overrides", set_id=quiz_set.pk)
    return render(request, "quizzes/teach/overrides.html",
                  {"quiz_set": quiz_set, "form": form, "overrides": overrides_of_set(quiz_set)},
                  status=400 if request.method == "POST" else 200)


@teacher_required
@require_POST
def override_remove_view(request, set_id, override_id):
    quiz_set = _own_set(request, set_id)
    override = get_object_or_404(overrides_of_set(quiz_set), pk=override_id)
    override_remove(teacher=request.user, override=override)
    messages.success(request, _("%(name)s is held to the set's rules again.")
                     % {"name": override.student.get_username()})
    return redirect("quizzes:teach-overrides", set_id=quiz_set.pk)


@teacher_required
def results_csv(request, set_id):
    quiz_set = _own_set(request, set_id)
    found = quiz_set_results(quiz_set=quiz_set)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True,
                                                                 filename=f"results-{quiz_set.pk}.csv")
    write_results_csv(response, found)
    return response


@teacher_required
def export(request, set_id):
    quiz_set = _own_set(request, set_id)
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        messages.error(request, _("Choose Moodle XML, GIFT or QTI 3.0."))
        return redirect("quizzes:teach-set", set_id=set_id)
    exported = quiz_set_export(quiz_set=quiz_set, fmt=fmt)
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=exported.filename)
    return response
